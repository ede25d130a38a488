-- The tree after QĐ 294-QĐ/TW (src/shared/organisation-tree.ts). Only node kinds change: ids, meetings,
-- rosters, decisions, accounts and invitations stay as they are. The đảng ủy cơ sở of the earlier tree is a
-- đảng bộ cơ sở; a đảng bộ above it is a đảng bộ cấp trên cơ sở; a chi bộ standing directly under one is a
-- chi bộ cơ sở, which decides for itself (the level above the grassroots no longer decides for it).
UPDATE `branches` SET `kind` = 'dang-bo-co-so' WHERE `kind` = 'dang-uy';--> statement-breakpoint
UPDATE `branches` SET `kind` = 'cap-tren-co-so' WHERE `kind` = 'dang-bo';--> statement-breakpoint
UPDATE `branches` SET `kind` = 'chi-bo-co-so' WHERE `kind` = 'chi-bo' AND `parent_id` IN (SELECT `id` FROM `branches` WHERE `kind` = 'cap-tren-co-so');
