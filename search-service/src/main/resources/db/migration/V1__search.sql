-- Collections, documents and the inverted index the service ranks with (BM25F computed in SQL).
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;
CREATE EXTENSION IF NOT EXISTS btree_gin WITH SCHEMA public;
CREATE EXTENSION IF NOT EXISTS fuzzystrmatch WITH SCHEMA public;

CREATE TABLE collections (
    id              uuid        PRIMARY KEY,
    tenant_id       uuid        NOT NULL,
    name            text        NOT NULL,
    description     text,
    language        text        NOT NULL,
    title_weight    float8      NOT NULL,
    body_weight     float8      NOT NULL,
    chunk_size      int         NOT NULL,
    chunk_overlap   int         NOT NULL,
    -- Collection statistics for BM25: number of documents and token totals per field.
    doc_count       bigint      NOT NULL DEFAULT 0,
    title_tokens    bigint      NOT NULL DEFAULT 0,
    body_tokens     bigint      NOT NULL DEFAULT 0,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL
);
CREATE UNIQUE INDEX collections_name ON collections (tenant_id, name);
CREATE INDEX collections_tenant ON collections (tenant_id, id);

CREATE TABLE documents (
    doc_key         bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id       uuid        NOT NULL,
    collection_id   uuid        NOT NULL REFERENCES collections (id) ON DELETE CASCADE,
    id              text        COLLATE "C" NOT NULL,
    title           text        NOT NULL,
    body            text        NOT NULL,
    tags            text[]      NOT NULL,
    metadata        jsonb       NOT NULL,
    source          text,
    -- Distinct surface words of the document, to keep the vocabulary's counts right on change.
    words           text[]      NOT NULL,
    title_len       int         NOT NULL,
    body_len        int         NOT NULL,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL
);
CREATE UNIQUE INDEX documents_id ON documents (tenant_id, collection_id, id);
CREATE INDEX documents_metadata ON documents USING gin (metadata jsonb_path_ops);
CREATE INDEX documents_tags ON documents USING gin (tags);

-- One row per (term, document): term frequencies per field, field lengths (so that scoring
-- needs no join) and token positions (title first, body after a gap) for phrase queries.
CREATE TABLE postings (
    tenant_id       uuid        NOT NULL,
    collection_id   uuid        NOT NULL,
    term            text        COLLATE "C" NOT NULL,
    doc_key         bigint      NOT NULL REFERENCES documents (doc_key) ON DELETE CASCADE,
    tf_title        int         NOT NULL,
    tf_body         int         NOT NULL,
    title_len       int         NOT NULL,
    body_len        int         NOT NULL,
    positions       int[]       NOT NULL,
    PRIMARY KEY (tenant_id, collection_id, term, doc_key)
);
CREATE INDEX postings_document ON postings (doc_key);

-- Surface words (lower-cased, accent-folded, unstemmed) with their indexed term and the number
-- of documents holding them: completions, prefix expansion and typo correction.
CREATE TABLE vocabulary (
    tenant_id       uuid        NOT NULL,
    collection_id   uuid        NOT NULL REFERENCES collections (id) ON DELETE CASCADE,
    word            text        COLLATE "C" NOT NULL,
    term            text        COLLATE "C" NOT NULL,
    df              int         NOT NULL,
    PRIMARY KEY (tenant_id, collection_id, word)
);
CREATE INDEX vocabulary_trigrams ON vocabulary USING gin (tenant_id, collection_id, word public.gin_trgm_ops);
