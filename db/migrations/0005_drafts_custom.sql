-- Full-text search over draft titles and bodies. The trigram tokenizer matches any substring of
-- 3+ characters, which is what Chinese needs (no word boundaries); shorter queries fall back to
-- LIKE in lib/drafts/search-drafts.ts. FTS rowids mirror drafts.rowid (searches read rowids only,
-- which stays fast when a term matches thousands of drafts). drafts has no INTEGER PRIMARY KEY, so
-- a VACUUM may renumber its rowids: run rebuildDraftSearchIndex() after one.
CREATE VIRTUAL TABLE drafts_fts USING fts5(draft_id UNINDEXED, title, body, tokenize = 'trigram');
--> statement-breakpoint
CREATE TRIGGER drafts_fts_insert AFTER INSERT ON drafts BEGIN
  INSERT INTO drafts_fts(rowid, draft_id, title, body) VALUES (new.rowid, new.id, new.title, new.plain_text);
END;
--> statement-breakpoint
CREATE TRIGGER drafts_fts_update AFTER UPDATE OF title, plain_text ON drafts BEGIN
  DELETE FROM drafts_fts WHERE rowid = old.rowid;
  INSERT INTO drafts_fts(rowid, draft_id, title, body) VALUES (new.rowid, new.id, new.title, new.plain_text);
END;
--> statement-breakpoint
CREATE TRIGGER drafts_fts_delete AFTER DELETE ON drafts BEGIN
  DELETE FROM drafts_fts WHERE rowid = old.rowid;
END;
