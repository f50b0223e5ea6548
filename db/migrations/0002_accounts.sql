CREATE TABLE `sandbox_publications` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`account_id` text NOT NULL,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`payload` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sandbox_publications_account_idx` ON `sandbox_publications` (`account_id`,`created_at`);--> statement-breakpoint
ALTER TABLE `accounts` ADD `status_reason` text;--> statement-breakpoint
ALTER TABLE `accounts` ADD `avatar_url` text;--> statement-breakpoint
ALTER TABLE `accounts` ADD `bio` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `accounts` ADD `groups` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `accounts` ADD `tags` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `accounts` ADD `persona_notes` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `accounts` ADD `timezone` text;--> statement-breakpoint
ALTER TABLE `accounts` ADD `daily_post_cap` integer DEFAULT 3 NOT NULL;--> statement-breakpoint
ALTER TABLE `accounts` ADD `min_spacing_minutes` integer DEFAULT 120 NOT NULL;--> statement-breakpoint
ALTER TABLE `accounts` ADD `posting_slots` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `accounts` ADD `publisher_id` text DEFAULT 'sandbox' NOT NULL;--> statement-breakpoint
ALTER TABLE `accounts` ADD `publisher_config` text DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE `accounts` ADD `publisher_secrets` text;--> statement-breakpoint
ALTER TABLE `accounts` ADD `last_check_at` integer;--> statement-breakpoint
ALTER TABLE `accounts` ADD `last_check_ok` integer;--> statement-breakpoint
ALTER TABLE `accounts` ADD `last_check_message` text;