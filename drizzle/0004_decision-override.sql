ALTER TABLE `decisions` ADD `override` text;--> statement-breakpoint
ALTER TABLE `decisions` ADD `cap_group` text;