CREATE TABLE `media` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`uploader_id` text NOT NULL,
	`storage_key` text NOT NULL,
	`content_type` text NOT NULL,
	`bytes` integer NOT NULL,
	`original_name` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`uploader_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `media_workspace_idx` ON `media` (`workspace_id`,`created_at`);--> statement-breakpoint
ALTER TABLE `drafts` ADD `has_targets` integer DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX `drafts_workspace_created_idx` ON `drafts` (`workspace_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `drafts_workspace_title_idx` ON `drafts` (`workspace_id`,`title`);--> statement-breakpoint
CREATE INDEX `drafts_scope_idx` ON `drafts` (`workspace_id`,`has_targets`,`status`,`updated_at`,`id`);