ALTER TABLE `memories` ADD `search_terms` text;--> statement-breakpoint
ALTER TABLE `memories` ADD `search_tags` text;--> statement-breakpoint
ALTER TABLE `memories` ADD `index_version` integer DEFAULT 0 NOT NULL;