package dev.flotilla.search.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of search-service, under {@code flotilla.search}. */
@ConfigMapping(prefix = "flotilla.search")
public interface SearchConfig {

    /** BM25 ranking parameters. */
    Ranking ranking();

    /** Query handling. */
    Query query();

    /** File upload and bulk import. */
    Ingest ingest();

    interface Ranking {
        /** Term-frequency saturation (BM25 k1). */
        @WithDefault("1.2")
        double k1();

        /** Length normalisation (BM25 b), applied per field. */
        @WithDefault("0.75")
        double b();

        /** Weight of a term found only through typo correction, relative to the word typed. */
        @WithDefault("0.7")
        double typoWeight();
    }

    interface Query {
        /** Longest query string accepted; longer ones are a 400. */
        @WithDefault("2000")
        int maxLength();

        /** Most words a prefix ({@code word*}) expands to, the most frequent first. */
        @WithDefault("30")
        int prefixExpansions();

        /** Most known words a misspelt word is corrected to. */
        @WithDefault("3")
        int typoCandidates();

        /** Deepest result position reachable by paging (offset + limit). */
        @WithDefault("10000")
        int maxDepth();

        /** Documents whose passages are ranked in passage mode (the best documents first). */
        @WithDefault("50")
        int passageCandidates();

        /**
         * Matches a listing without words but with filters or tags counts at most (or up to the end of the
         * page, if further); a total that reached it is a lower bound ({@code totalExact} false).
         */
        @WithDefault("1000")
        int listingCountLimit();

        /** Postings kept decoded in memory for ranking (about 16 bytes each), across collections. */
        @WithDefault("8000000")
        long postingCacheSize();
    }

    /**
     * Largest request body of every endpoint but uploads and imports; larger ones are a 413 (see
     * {@link EndpointBodyLimits}).
     */
    @WithDefault("1M")
    MemorySize maxRequestSize();

    interface Ingest {
        /** Largest uploaded file; larger ones are a 413. */
        @WithDefault("10M")
        MemorySize maxUploadSize();

        /** Largest NDJSON import body; larger ones are a 413. */
        @WithDefault("64M")
        MemorySize maxImportSize();

        /** Documents written per transaction by an NDJSON import. */
        @WithDefault("500")
        int importBatchSize();

        /** Batches of one NDJSON import written at the same time, each in its own transaction and connection. */
        @WithDefault("2")
        int importWriters();

        /** Longest document body, in characters. */
        @WithDefault("5000000")
        int maxBodyLength();
    }
}
