ALTER TABLE `analytics_settings` ADD `weekly_report` text;--> statement-breakpoint
ALTER TABLE `analytics_settings` ADD `weekly_report_last_run_at` integer;--> statement-breakpoint
ALTER TABLE `analytics_settings` ADD `weekly_report_last_sent_at` integer;--> statement-breakpoint
ALTER TABLE `analytics_settings` ADD `weekly_report_last_error` text;