-- Keyword search over analysed terms instead of raw trigrams: search_terms and search_tags hold
-- the terms lib/text/search-terms.ts makes (stemmed English without stop words, jieba words and
-- character pairs for Chinese), space-separated, and FTS5's unicode61 tokenizer only splits them
-- on the spaces. bm25() then ranks real words, and a question is analysed the same way.
-- Rows written before this migration have NULL terms until the start-up re-index fills them.
DROP TRIGGER IF EXISTS `memories_fts_insert`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `memories_fts_delete`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `memories_fts_update`;
--> statement-breakpoint
DROP TABLE IF EXISTS `memories_fts`;
--> statement-breakpoint
CREATE VIRTUAL TABLE `memories_fts` USING fts5(search_terms, search_tags, content='memories', content_rowid='seq', tokenize='unicode61 remove_diacritics 0');
--> statement-breakpoint
CREATE TRIGGER `memories_fts_insert` AFTER INSERT ON `memories` BEGIN
  INSERT INTO memories_fts(rowid, search_terms, search_tags) VALUES (new.seq, new.search_terms, new.search_tags);
END;
--> statement-breakpoint
CREATE TRIGGER `memories_fts_delete` AFTER DELETE ON `memories` BEGIN
  INSERT INTO memories_fts(memories_fts, rowid, search_terms, search_tags) VALUES ('delete', old.seq, old.search_terms, old.search_tags);
END;
--> statement-breakpoint
CREATE TRIGGER `memories_fts_update` AFTER UPDATE OF search_terms, search_tags ON `memories` BEGIN
  INSERT INTO memories_fts(memories_fts, rowid, search_terms, search_tags) VALUES ('delete', old.seq, old.search_terms, old.search_tags);
  INSERT INTO memories_fts(rowid, search_terms, search_tags) VALUES (new.seq, new.search_terms, new.search_tags);
END;
--> statement-breakpoint
-- How many memories contain each term: the document frequencies of BM25 (lib/memory/search/bm25.ts).
CREATE VIRTUAL TABLE `memories_fts_vocab` USING fts5vocab(memories_fts, 'row');
