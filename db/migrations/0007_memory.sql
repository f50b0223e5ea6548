CREATE TABLE `memories` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`id` text NOT NULL,
	`workspace_id` text NOT NULL,
	`owner_id` text NOT NULL,
	`type` text NOT NULL,
	`content` text NOT NULL,
	`category` text,
	`tags` text NOT NULL,
	`metadata` text NOT NULL,
	`importance` real DEFAULT 0.5 NOT NULL,
	`access_count` integer DEFAULT 0 NOT NULL,
	`last_accessed_at` integer,
	`embedding` F32_BLOB(384),
	`source` text DEFAULT 'manual' NOT NULL,
	`privacy` text DEFAULT 'private' NOT NULL,
	`compressed_into` text,
	`expires_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`owner_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `memories_id_idx` ON `memories` (`id`);--> statement-breakpoint
CREATE INDEX `memories_workspace_created_idx` ON `memories` (`workspace_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `memories_workspace_owner_idx` ON `memories` (`workspace_id`,`owner_id`);--> statement-breakpoint
CREATE INDEX `memories_expiry_idx` ON `memories` (`workspace_id`,`type`,`expires_at`);--> statement-breakpoint
CREATE TABLE `memory_history` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`workspace_id` text NOT NULL,
	`memory_id` text NOT NULL,
	`actor_id` text,
	`action` text NOT NULL,
	`batch_id` text,
	`previous` text,
	`next` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `memory_history_memory_idx` ON `memory_history` (`memory_id`,`id`);--> statement-breakpoint
CREATE INDEX `memory_history_batch_idx` ON `memory_history` (`workspace_id`,`batch_id`);--> statement-breakpoint
CREATE TABLE `user_memory_configs` (
	`workspace_id` text NOT NULL,
	`user_id` text NOT NULL,
	`short_term_retention_days` integer DEFAULT 7 NOT NULL,
	`long_term_threshold` real DEFAULT 0.7 NOT NULL,
	`promote_after_accesses` integer DEFAULT 5 NOT NULL,
	`auto_cleanup` integer DEFAULT true NOT NULL,
	`auto_compress` integer DEFAULT true NOT NULL,
	`compression_threshold` real DEFAULT 0.85 NOT NULL,
	`default_privacy` text DEFAULT 'private' NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`workspace_id`, `user_id`),
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
