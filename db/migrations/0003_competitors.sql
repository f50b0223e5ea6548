CREATE TABLE `analytics_settings` (
	`workspace_id` text PRIMARY KEY NOT NULL,
	`viral_rule` text NOT NULL,
	`ces_weights` text NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `collection_status` (
	`workspace_id` text NOT NULL,
	`source` text NOT NULL,
	`subject_key` text NOT NULL,
	`status` text NOT NULL,
	`last_run_at` integer NOT NULL,
	`last_success_at` integer,
	`last_error` text,
	`items_collected` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`workspace_id`, `source`, `subject_key`),
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `competitor_alerts` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`kind` text NOT NULL,
	`subject_type` text NOT NULL,
	`subject_id` text NOT NULL,
	`dedupe_key` text NOT NULL,
	`payload` text NOT NULL,
	`read_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `competitor_alerts_dedupe_idx` ON `competitor_alerts` (`workspace_id`,`dedupe_key`);--> statement-breakpoint
CREATE INDEX `competitor_alerts_workspace_time_idx` ON `competitor_alerts` (`workspace_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `competitors` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`name` text NOT NULL,
	`red_user_id` text NOT NULL,
	`profile_url` text,
	`xsec_token` text,
	`avatar_url` text,
	`bio` text,
	`groups` text DEFAULT '[]' NOT NULL,
	`tags` text DEFAULT '[]' NOT NULL,
	`notes` text,
	`compared_account_ids` text DEFAULT '[]' NOT NULL,
	`archived_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `competitors_workspace_red_user_idx` ON `competitors` (`workspace_id`,`red_user_id`);--> statement-breakpoint
CREATE INDEX `competitors_workspace_name_idx` ON `competitors` (`workspace_id`,`name`);--> statement-breakpoint
CREATE TABLE `topic_watchlist` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`topic` text NOT NULL,
	`created_by` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `topic_watchlist_workspace_topic_idx` ON `topic_watchlist` (`workspace_id`,`topic`);--> statement-breakpoint
CREATE TABLE `import_runs` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`kind` text NOT NULL,
	`file_name` text NOT NULL,
	`status` text NOT NULL,
	`total_rows` integer DEFAULT 0 NOT NULL,
	`processed_rows` integer DEFAULT 0 NOT NULL,
	`imported_rows` integer DEFAULT 0 NOT NULL,
	`skipped_rows` integer DEFAULT 0 NOT NULL,
	`errors` text DEFAULT '[]' NOT NULL,
	`error_count` integer DEFAULT 0 NOT NULL,
	`created_by` text,
	`created_at` integer NOT NULL,
	`finished_at` integer,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `import_runs_workspace_time_idx` ON `import_runs` (`workspace_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `note_comments` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`comment_id` text NOT NULL,
	`note_id` text NOT NULL,
	`parent_comment_id` text,
	`content` text NOT NULL,
	`likes` integer DEFAULT 0 NOT NULL,
	`sub_comment_count` integer DEFAULT 0 NOT NULL,
	`created_at_red` integer NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `note_comments_workspace_comment_idx` ON `note_comments` (`workspace_id`,`comment_id`);--> statement-breakpoint
CREATE INDEX `note_comments_note_idx` ON `note_comments` (`workspace_id`,`note_id`);--> statement-breakpoint
CREATE TABLE `note_snapshots` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`workspace_id` text NOT NULL,
	`tracked_note_id` text NOT NULL,
	`likes` integer NOT NULL,
	`collects` integer NOT NULL,
	`comments` integer NOT NULL,
	`shares` integer NOT NULL,
	`views` integer,
	`source` text NOT NULL,
	`taken_at` integer NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`tracked_note_id`) REFERENCES `tracked_notes`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `note_snapshots_note_time_idx` ON `note_snapshots` (`tracked_note_id`,`taken_at`);--> statement-breakpoint
CREATE TABLE `profile_snapshots` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`workspace_id` text NOT NULL,
	`subject_type` text NOT NULL,
	`subject_id` text NOT NULL,
	`followers` integer,
	`following` integer,
	`likes_and_collects` integer,
	`note_count` integer,
	`source` text NOT NULL,
	`taken_at` integer NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `profile_snapshots_subject_time_idx` ON `profile_snapshots` (`workspace_id`,`subject_type`,`subject_id`,`taken_at`);--> statement-breakpoint
CREATE TABLE `subject_daily` (
	`workspace_id` text NOT NULL,
	`subject_type` text NOT NULL,
	`subject_id` text NOT NULL,
	`day` text NOT NULL,
	`followers` integer,
	`following` integer,
	`likes_and_collects` integer,
	`note_count` integer,
	`notes_published` integer DEFAULT 0 NOT NULL,
	`likes` integer DEFAULT 0 NOT NULL,
	`collects` integer DEFAULT 0 NOT NULL,
	`comments` integer DEFAULT 0 NOT NULL,
	`shares` integer DEFAULT 0 NOT NULL,
	`views` integer,
	`engagement` integer DEFAULT 0 NOT NULL,
	`viral_notes` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`workspace_id`, `subject_type`, `subject_id`, `day`),
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `subject_daily_workspace_day_idx` ON `subject_daily` (`workspace_id`,`day`);--> statement-breakpoint
CREATE TABLE `topic_daily` (
	`workspace_id` text NOT NULL,
	`subject_type` text NOT NULL,
	`subject_id` text NOT NULL,
	`topic` text NOT NULL,
	`day` text NOT NULL,
	`notes` integer DEFAULT 0 NOT NULL,
	`engagement` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`workspace_id`, `subject_type`, `subject_id`, `topic`, `day`),
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `topic_daily_workspace_day_idx` ON `topic_daily` (`workspace_id`,`day`);--> statement-breakpoint
CREATE TABLE `tracked_notes` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`note_id` text NOT NULL,
	`subject_type` text NOT NULL,
	`subject_id` text NOT NULL,
	`author_name` text,
	`title` text DEFAULT '' NOT NULL,
	`body` text DEFAULT '' NOT NULL,
	`topics` text DEFAULT '[]' NOT NULL,
	`type` text DEFAULT 'normal' NOT NULL,
	`images_count` integer DEFAULT 0 NOT NULL,
	`url` text,
	`xsec_token` text,
	`source_keyword` text,
	`published_at` integer NOT NULL,
	`likes` integer DEFAULT 0 NOT NULL,
	`collects` integer DEFAULT 0 NOT NULL,
	`comments` integer DEFAULT 0 NOT NULL,
	`shares` integer DEFAULT 0 NOT NULL,
	`views` integer,
	`engagement` integer DEFAULT 0 NOT NULL,
	`last_snapshot_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `tracked_notes_workspace_note_idx` ON `tracked_notes` (`workspace_id`,`note_id`);--> statement-breakpoint
CREATE INDEX `tracked_notes_subject_time_idx` ON `tracked_notes` (`workspace_id`,`subject_type`,`subject_id`,`published_at`);--> statement-breakpoint
CREATE INDEX `tracked_notes_workspace_time_idx` ON `tracked_notes` (`workspace_id`,`published_at`);--> statement-breakpoint
CREATE INDEX `tracked_notes_workspace_engagement_idx` ON `tracked_notes` (`workspace_id`,`engagement`);--> statement-breakpoint
CREATE INDEX `tracked_notes_workspace_likes_idx` ON `tracked_notes` (`workspace_id`,`likes`);