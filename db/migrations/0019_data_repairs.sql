CREATE TABLE `data_repairs` (
	`name` text PRIMARY KEY NOT NULL,
	`applied_at` integer NOT NULL,
	`changed` integer DEFAULT 0 NOT NULL
);
