CREATE TABLE `publish_jobs` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`account_id` text NOT NULL,
	`draft_id` text,
	`snapshot` text NOT NULL,
	`run_at` integer NOT NULL,
	`status` text DEFAULT 'scheduled' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`max_attempts` integer DEFAULT 4 NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`last_error_code` text,
	`last_error_message` text,
	`remote_id` text,
	`remote_url` text,
	`scheduler_message_id` text,
	`idempotency_key` text NOT NULL,
	`claimed_at` integer,
	`finished_at` integer,
	`created_by` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `publish_jobs_idempotency_idx` ON `publish_jobs` (`workspace_id`,`idempotency_key`);--> statement-breakpoint
CREATE INDEX `publish_jobs_due_idx` ON `publish_jobs` (`status`,`run_at`);--> statement-breakpoint
CREATE INDEX `publish_jobs_workspace_run_idx` ON `publish_jobs` (`workspace_id`,`run_at`);--> statement-breakpoint
CREATE INDEX `publish_jobs_account_run_idx` ON `publish_jobs` (`account_id`,`run_at`);