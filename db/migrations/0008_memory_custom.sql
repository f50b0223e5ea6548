-- Keyword search over memories: FTS5 with the trigram tokenizer, so Chinese substrings (no spaces
-- between words) are found. External content keyed on memories.seq, kept in sync by triggers.
CREATE VIRTUAL TABLE `memories_fts` USING fts5(content, tags, content='memories', content_rowid='seq', tokenize='trigram');
--> statement-breakpoint
CREATE TRIGGER `memories_fts_insert` AFTER INSERT ON `memories` BEGIN
  INSERT INTO memories_fts(rowid, content, tags) VALUES (new.seq, new.content, new.tags);
END;
--> statement-breakpoint
CREATE TRIGGER `memories_fts_delete` AFTER DELETE ON `memories` BEGIN
  INSERT INTO memories_fts(memories_fts, rowid, content, tags) VALUES ('delete', old.seq, old.content, old.tags);
END;
--> statement-breakpoint
CREATE TRIGGER `memories_fts_update` AFTER UPDATE OF content, tags ON `memories` BEGIN
  INSERT INTO memories_fts(memories_fts, rowid, content, tags) VALUES ('delete', old.seq, old.content, old.tags);
  INSERT INTO memories_fts(rowid, content, tags) VALUES (new.seq, new.content, new.tags);
END;
--> statement-breakpoint
-- Approximate nearest neighbours (DiskANN). Compressed neighbours keep the file small (see GOTCHAS.md).
CREATE INDEX `memories_vec_idx` ON `memories`(libsql_vector_idx(embedding, 'metric=cosine', 'compress_neighbors=float8', 'max_neighbors=20'));
