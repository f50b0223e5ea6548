ALTER TABLE `memories` ADD `account_id` text REFERENCES accounts(id);--> statement-breakpoint
ALTER TABLE `memories` ADD `agent_id` text;--> statement-breakpoint
ALTER TABLE `memories` ADD `run_id` text;--> statement-breakpoint
CREATE INDEX `memories_workspace_account_idx` ON `memories` (`workspace_id`,`account_id`);--> statement-breakpoint
CREATE INDEX `memories_workspace_agent_idx` ON `memories` (`workspace_id`,`agent_id`);--> statement-breakpoint
CREATE INDEX `memories_workspace_run_idx` ON `memories` (`workspace_id`,`run_id`);