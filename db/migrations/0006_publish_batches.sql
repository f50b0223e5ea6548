ALTER TABLE `publish_jobs` ADD `batch_id` text;--> statement-breakpoint
CREATE INDEX `publish_jobs_batch_idx` ON `publish_jobs` (`batch_id`);