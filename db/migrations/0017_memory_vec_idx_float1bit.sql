-- The DiskANN index with 1-bit neighbour vectors and a wider search list. Measured on 20,000
-- synthetic memories (384-d): float8/20 neighbours 10.0 KiB per row, recall@10 0.997; float1bit/20
-- 4.0 KiB per row but recall@10 0.875; float1bit/20 with search_l=600 4.0 KiB per row, recall@10
-- 0.982 (the 977 MiB index at 100k becomes ~400 MiB). Rebuilding takes a while on a large table.
DROP INDEX IF EXISTS `memories_vec_idx`;
--> statement-breakpoint
CREATE INDEX `memories_vec_idx` ON `memories`(libsql_vector_idx(embedding, 'metric=cosine', 'compress_neighbors=float1bit', 'max_neighbors=20', 'search_l=600'));
