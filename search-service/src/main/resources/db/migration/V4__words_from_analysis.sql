-- Documents no longer store their distinct words: replacing or deleting a document analyses its stored
-- title and body again for its words, as it already does for its terms (IndexWriter). A document row is
-- smaller by a list about as long as its body, which PostgreSQL no longer builds, compresses and logs.
ALTER TABLE documents DROP COLUMN words;
