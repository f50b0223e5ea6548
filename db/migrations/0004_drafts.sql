CREATE TABLE `draft_comments` (
	`id` text PRIMARY KEY NOT NULL,
	`draft_id` text NOT NULL,
	`author_id` text NOT NULL,
	`kind` text DEFAULT 'comment' NOT NULL,
	`body` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`draft_id`) REFERENCES `drafts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `draft_comments_draft_idx` ON `draft_comments` (`draft_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `draft_folders` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`parent_id` text,
	`name` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`parent_id`) REFERENCES `draft_folders`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `draft_folders_workspace_idx` ON `draft_folders` (`workspace_id`,`parent_id`);--> statement-breakpoint
CREATE TABLE `draft_revisions` (
	`id` text PRIMARY KEY NOT NULL,
	`draft_id` text NOT NULL,
	`author_id` text NOT NULL,
	`version` integer NOT NULL,
	`title` text NOT NULL,
	`doc` text NOT NULL,
	`plain_text` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`draft_id`) REFERENCES `drafts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `draft_revisions_draft_idx` ON `draft_revisions` (`draft_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `draft_targets` (
	`draft_id` text NOT NULL,
	`account_id` text NOT NULL,
	PRIMARY KEY(`draft_id`, `account_id`),
	FOREIGN KEY (`draft_id`) REFERENCES `drafts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `draft_targets_account_idx` ON `draft_targets` (`account_id`,`draft_id`);--> statement-breakpoint
CREATE TABLE `drafts` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`author_id` text NOT NULL,
	`folder_id` text,
	`title` text DEFAULT '' NOT NULL,
	`doc` text NOT NULL,
	`plain_text` text DEFAULT '' NOT NULL,
	`topics` text DEFAULT '[]' NOT NULL,
	`tags` text DEFAULT '[]' NOT NULL,
	`images` text DEFAULT '[]' NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`last_editor_id` text,
	`has_targets` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`folder_id`) REFERENCES `draft_folders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`last_editor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `drafts_workspace_updated_idx` ON `drafts` (`workspace_id`,`updated_at`);--> statement-breakpoint
CREATE INDEX `drafts_workspace_status_idx` ON `drafts` (`workspace_id`,`status`,`updated_at`);--> statement-breakpoint
CREATE INDEX `drafts_workspace_folder_idx` ON `drafts` (`workspace_id`,`folder_id`,`updated_at`);--> statement-breakpoint
CREATE INDEX `drafts_workspace_author_idx` ON `drafts` (`workspace_id`,`author_id`,`updated_at`);--> statement-breakpoint
CREATE INDEX `drafts_workspace_created_idx` ON `drafts` (`workspace_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `drafts_workspace_title_idx` ON `drafts` (`workspace_id`,`title`);--> statement-breakpoint
CREATE INDEX `drafts_scope_idx` ON `drafts` (`workspace_id`,`has_targets`,`status`,`updated_at`,`id`);--> statement-breakpoint
CREATE TABLE `workspace_note_settings` (
	`workspace_id` text PRIMARY KEY NOT NULL,
	`title_limit` integer DEFAULT 20 NOT NULL,
	`body_limit` integer DEFAULT 1000 NOT NULL,
	`max_images` integer DEFAULT 18 NOT NULL,
	`max_topics` integer DEFAULT 10 NOT NULL,
	`bullet_style` text DEFAULT 'emoji' NOT NULL,
	`banned_words` text NOT NULL,
	`approval_required` integer DEFAULT true NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `notifications` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`user_id` text NOT NULL,
	`kind` text NOT NULL,
	`payload` text NOT NULL,
	`read_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `notifications_user_idx` ON `notifications` (`user_id`,`workspace_id`,`created_at`);--> statement-breakpoint
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
CREATE INDEX `media_workspace_idx` ON `media` (`workspace_id`,`created_at`);