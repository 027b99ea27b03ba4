-- Faster indexing and ranking at scale (see search-service/README.md, "Performance").

-- Postings are deleted explicitly with their document or collection (IndexWriter, CollectionService):
-- a foreign-key check per inserted posting was the largest single cost of indexing.
ALTER TABLE postings DROP CONSTRAINT postings_doc_key_fkey;

-- A term's postings with everything BM25F needs, read from the index alone (index-only scan,
-- one contiguous range) instead of one heap page per posting.
ALTER TABLE postings DROP CONSTRAINT postings_pkey;
ALTER TABLE postings ADD PRIMARY KEY (tenant_id, collection_id, term, doc_key) INCLUDE (tf_title, tf_body, title_len, body_len);

-- Raised by every write to the index; cached posting lists of an older version are not used.
ALTER TABLE collections ADD COLUMN index_version bigint NOT NULL DEFAULT 0;

-- Document counts of words change with every batch: free space per page lets the update stay on
-- the page (HOT) without new entries in the trigram and primary-key indexes.
ALTER TABLE vocabulary SET (fillfactor = 70);
