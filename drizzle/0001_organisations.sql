CREATE TABLE `decisions` (
	`id` text PRIMARY KEY NOT NULL,
	`committee_id` text NOT NULL,
	`branch_id` text NOT NULL,
	`member_id` text NOT NULL,
	`member_name` text NOT NULL,
	`assessment_year` integer NOT NULL,
	`level` text NOT NULL,
	`reason` text NOT NULL,
	`proposal` text,
	`meeting_id` text,
	`version` integer NOT NULL,
	`supersedes` text,
	`author_id` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`committee_id`) REFERENCES `branches`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`branch_id`) REFERENCES `branches`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`supersedes`) REFERENCES `decisions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `decisions_year` ON `decisions` (`committee_id`,`assessment_year`);--> statement-breakpoint
CREATE UNIQUE INDEX `decisions_version` ON `decisions` (`branch_id`,`member_id`,`assessment_year`,`version`);--> statement-breakpoint
CREATE TABLE `invitations` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`role` text NOT NULL,
	`organisation_id` text NOT NULL,
	`invited_by` text,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`used_at` integer,
	FOREIGN KEY (`organisation_id`) REFERENCES `branches`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`invited_by`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `branches` ADD `kind` text DEFAULT 'chi-bo' NOT NULL;--> statement-breakpoint
ALTER TABLE `branches` ADD `parent_id` text REFERENCES branches(id);--> statement-breakpoint
CREATE INDEX `branches_parent` ON `branches` (`parent_id`);--> statement-breakpoint
ALTER TABLE `meetings` ADD `assessment_year` integer;