ALTER TABLE `publish_jobs` ADD `plan_note` text;--> statement-breakpoint
ALTER TABLE `publish_series` ADD `scheduler_schedule_id` text;