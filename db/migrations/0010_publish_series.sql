CREATE TABLE `publish_series` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`account_id` text NOT NULL,
	`draft_id` text,
	`snapshot` text NOT NULL,
	`cron` text NOT NULL,
	`timezone` text NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	`starts_at` integer NOT NULL,
	`ends_at` integer,
	`created_by` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `publish_series_workspace_idx` ON `publish_series` (`workspace_id`,`status`);--> statement-breakpoint
CREATE INDEX `publish_series_status_idx` ON `publish_series` (`status`);--> statement-breakpoint
ALTER TABLE `publish_jobs` ADD `series_id` text;--> statement-breakpoint
CREATE INDEX `publish_jobs_series_idx` ON `publish_jobs` (`series_id`,`run_at`);