CREATE TABLE `memory_ai_settings` (
	`workspace_id` text PRIMARY KEY NOT NULL,
	`embedding` text NOT NULL,
	`embedding_api_key` text,
	`active_embedding` text NOT NULL,
	`active_embedding_api_key` text,
	`chat_base_url` text,
	`chat_model` text,
	`chat_api_key` text,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `memory_reembed_jobs` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`target` text NOT NULL,
	`status` text DEFAULT 'running' NOT NULL,
	`done` integer DEFAULT 0 NOT NULL,
	`total` integer DEFAULT 0 NOT NULL,
	`errors` integer DEFAULT 0 NOT NULL,
	`last_error` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`finished_at` integer,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `memory_reembed_jobs_workspace_idx` ON `memory_reembed_jobs` (`workspace_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `memory_reembed_jobs_status_idx` ON `memory_reembed_jobs` (`status`);