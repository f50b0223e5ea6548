-- The account matrix (lib/accounts/matrix-cache.ts) is cached per workspace under the version in
-- cache_versions; every write to what it reads bumps that version, whichever code path wrote.
CREATE TRIGGER accounts_matrix_version_insert AFTER INSERT ON accounts BEGIN
  INSERT OR IGNORE INTO cache_versions (scope, version) VALUES ('matrix:' || NEW.workspace_id, 0);
  UPDATE cache_versions SET version = version + 1 WHERE scope = 'matrix:' || NEW.workspace_id;
END;
--> statement-breakpoint
CREATE TRIGGER accounts_matrix_version_update AFTER UPDATE ON accounts BEGIN
  INSERT OR IGNORE INTO cache_versions (scope, version) VALUES ('matrix:' || NEW.workspace_id, 0);
  UPDATE cache_versions SET version = version + 1 WHERE scope = 'matrix:' || NEW.workspace_id;
END;
--> statement-breakpoint
CREATE TRIGGER accounts_matrix_version_delete AFTER DELETE ON accounts BEGIN
  INSERT OR IGNORE INTO cache_versions (scope, version) VALUES ('matrix:' || OLD.workspace_id, 0);
  UPDATE cache_versions SET version = version + 1 WHERE scope = 'matrix:' || OLD.workspace_id;
END;
--> statement-breakpoint
CREATE TRIGGER publish_jobs_matrix_version_insert AFTER INSERT ON publish_jobs BEGIN
  INSERT OR IGNORE INTO cache_versions (scope, version) VALUES ('matrix:' || NEW.workspace_id, 0);
  UPDATE cache_versions SET version = version + 1 WHERE scope = 'matrix:' || NEW.workspace_id;
END;
--> statement-breakpoint
CREATE TRIGGER publish_jobs_matrix_version_update AFTER UPDATE ON publish_jobs BEGIN
  INSERT OR IGNORE INTO cache_versions (scope, version) VALUES ('matrix:' || NEW.workspace_id, 0);
  UPDATE cache_versions SET version = version + 1 WHERE scope = 'matrix:' || NEW.workspace_id;
END;
--> statement-breakpoint
CREATE TRIGGER publish_jobs_matrix_version_delete AFTER DELETE ON publish_jobs BEGIN
  INSERT OR IGNORE INTO cache_versions (scope, version) VALUES ('matrix:' || OLD.workspace_id, 0);
  UPDATE cache_versions SET version = version + 1 WHERE scope = 'matrix:' || OLD.workspace_id;
END;
--> statement-breakpoint
CREATE TRIGGER profile_snapshots_matrix_version_insert AFTER INSERT ON profile_snapshots WHEN NEW.subject_type = 'account' BEGIN
  INSERT OR IGNORE INTO cache_versions (scope, version) VALUES ('matrix:' || NEW.workspace_id, 0);
  UPDATE cache_versions SET version = version + 1 WHERE scope = 'matrix:' || NEW.workspace_id;
END;
--> statement-breakpoint
CREATE TRIGGER profile_snapshots_matrix_version_delete AFTER DELETE ON profile_snapshots WHEN OLD.subject_type = 'account' BEGIN
  INSERT OR IGNORE INTO cache_versions (scope, version) VALUES ('matrix:' || OLD.workspace_id, 0);
  UPDATE cache_versions SET version = version + 1 WHERE scope = 'matrix:' || OLD.workspace_id;
END;
--> statement-breakpoint
CREATE TRIGGER member_account_grants_matrix_version_insert AFTER INSERT ON member_account_grants BEGIN
  INSERT OR IGNORE INTO cache_versions (scope, version) VALUES ('matrix:' || (SELECT workspace_id FROM accounts WHERE id = NEW.account_id), 0);
  UPDATE cache_versions SET version = version + 1 WHERE scope = 'matrix:' || (SELECT workspace_id FROM accounts WHERE id = NEW.account_id);
END;
--> statement-breakpoint
CREATE TRIGGER member_account_grants_matrix_version_delete AFTER DELETE ON member_account_grants BEGIN
  INSERT OR IGNORE INTO cache_versions (scope, version) VALUES ('matrix:' || (SELECT workspace_id FROM accounts WHERE id = OLD.account_id), 0);
  UPDATE cache_versions SET version = version + 1 WHERE scope = 'matrix:' || (SELECT workspace_id FROM accounts WHERE id = OLD.account_id);
END;
--> statement-breakpoint
CREATE TRIGGER workspaces_matrix_version_update AFTER UPDATE ON workspaces BEGIN
  INSERT OR IGNORE INTO cache_versions (scope, version) VALUES ('matrix:' || NEW.id, 0);
  UPDATE cache_versions SET version = version + 1 WHERE scope = 'matrix:' || NEW.id;
END;
