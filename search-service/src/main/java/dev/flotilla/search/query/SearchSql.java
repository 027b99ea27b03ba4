package dev.flotilla.search.query;

import dev.flotilla.search.collection.Collection;
import dev.flotilla.search.config.SearchConfig;
import dev.flotilla.search.db.SqlParams;
import dev.flotilla.search.document.MetadataFilter;
import dev.flotilla.search.document.MetadataFilterSql;

import java.util.List;
import java.util.UUID;

/**
 * Writes the SQL of a search: BM25F computed over the postings of the query's terms.
 *
 * <pre>
 * score(d) = Σ_t  w_t · idf(t) · tf~ / (tf~ + k1)
 * tf~      = W_title · tf_title / (1 − b + b · len_title / avg_title) + W_body · tf_body / (1 − b + b · len_body / avg_body)
 * idf(t)   = ln(1 + (N − df + 0.5) / (df + 0.5))          (Lucene's BM25 idf)
 * </pre>
 *
 * Candidates are the documents with a posting of a query term (the postings primary key starts
 * with the term); each carries the bit mask of the OR groups it satisfies, to which verified
 * phrases add their bits. Required groups, exclusions, metadata filters and tags are then
 * applied, and the same statement counts all matches while returning one page.
 */
final class SearchSql {

    private final SqlParams params;
    private final String matches;
    /** For a query without positive clauses: the conditions on documents {@code d} alone. */
    private final String where;

    private SearchSql(SqlParams params, String matches, String where) {
        this.params = params;
        this.matches = matches;
        this.where = where;
    }

    SqlParams params() {
        return params;
    }

    /** The page: doc_key, score, total, id, title, body, metadata. */
    String page(int limit, int offset) {
        return matches + """
                SELECT r.doc_key, r.score, r.total, d.id, d.title, d.body, d.metadata::text AS metadata
                FROM (SELECT r.doc_key, r.score, count(*) OVER () AS total FROM r ORDER BY r.score DESC, r.doc_key
                      LIMIT %s OFFSET %s) r
                JOIN documents d ON d.doc_key = r.doc_key
                ORDER BY r.score DESC, r.doc_key""".formatted(params.add(limit), params.add(offset));
    }

    /** The number of matches alone. */
    String count() {
        return matches + "SELECT count(*) AS total FROM r";
    }

    /**
     * For a query without positive clauses: the page of documents in key order (all score 0, the order
     * ranking gives them), read through the (collection_id, doc_key) index without visiting the others.
     */
    String listing(int limit, int offset) {
        return """
                SELECT d.doc_key, 0::float8 AS score, d.id, d.title, d.body, d.metadata::text AS metadata
                FROM documents d%s ORDER BY d.doc_key LIMIT %s OFFSET %s""".formatted(where, params.add(limit),
                params.add(offset));
    }

    /** For a query without positive clauses: the number of matches, counted up to {@code cap}. */
    String countUpTo(int cap) {
        return "SELECT count(*) AS total FROM (SELECT 1 FROM documents d%s LIMIT %s) m".formatted(where, params.add(cap));
    }

    /** Value counts of one facet field over all matches: value, count. */
    String facet(String field) {
        if (field.equals("tags")) {
            return matches + """
                    SELECT v AS value, count(*) AS count FROM r JOIN documents d ON d.doc_key = r.doc_key, unnest(d.tags) AS v
                    GROUP BY v ORDER BY count(*) DESC, v LIMIT 50""";
        }
        String path = params.add(MetadataFilter.path(field) + "[*]");
        return matches + """
                SELECT v #>> '{}' AS value, count(DISTINCT r.doc_key) AS count
                FROM r JOIN documents d ON d.doc_key = r.doc_key, jsonb_path_query(d.metadata, %s::jsonpath) AS v
                WHERE jsonb_typeof(v) IN ('string', 'number', 'boolean')
                GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 50""".formatted(path);
    }

    static SearchSql of(UUID tenant, Collection collection, QueryPlan plan, MetadataFilter filter, List<String> tags,
            SearchConfig.Ranking ranking) {
        SqlParams p = new SqlParams(tenant, collection.id());
        StringBuilder sql = new StringBuilder("WITH ");
        StringBuilder where = new StringBuilder(" WHERE d.tenant_id = $1 AND d.collection_id = $2");
        if (plan.matchAll()) {
            appendRestrictions(where, plan, filter, tags, p, sql);
            sql.append("r AS (SELECT d.doc_key, 0::float8 AS score FROM documents d").append(where).append(")\n");
            return new SearchSql(p, sql.toString(), where.toString());
        }
        String terms = p.add(plan.terms().stream().map(QueryPlan.ScoredTerm::term).toArray(String[]::new));
        String bits = p.add(plan.terms().stream().map(QueryPlan.ScoredTerm::bit).toArray(Long[]::new));
        String weights = p.add(plan.terms().stream().map(QueryPlan.ScoredTerm::weight).toArray(Double[]::new));
        String n = p.add((double) collection.documentCount());
        String k1 = p.add(ranking.k1());
        String b = p.add(ranking.b());
        String titleWeight = p.add(collection.settings().fieldWeights().title());
        String bodyWeight = p.add(collection.settings().fieldWeights().body());
        String avgTitle = p.add(collection.averageTitleLength());
        String avgBody = p.add(collection.averageBodyLength());
        sql.append(
                """
                        q AS (SELECT * FROM unnest(%s::text[], %s::int8[], %s::float8[]) AS q(term, bit, w)),
                        t AS (SELECT q.term, q.bit, q.w * ln(1 + (%s::float8 - c.df + 0.5) / (c.df + 0.5)) AS wi
                              FROM q CROSS JOIN LATERAL (SELECT count(*)::float8 AS df FROM postings p
                                                         WHERE p.collection_id = $2 AND p.term = q.term) c),
                        m AS (SELECT p.doc_key, bit_or(t.bit) AS mask, sum(t.wi * x.tf / (x.tf + %s::float8)) AS score
                              FROM t JOIN postings p ON p.collection_id = $2 AND p.term = t.term
                              CROSS JOIN LATERAL (SELECT %s::float8 * p.tf_title / (1 - %s::float8 + %s::float8 * p.title_len / %s::float8)
                                                       + %s::float8 * p.tf_body / (1 - %s::float8 + %s::float8 * p.body_len / %s::float8) AS tf) x
                              GROUP BY p.doc_key),
                        """
                        .formatted(terms, bits, weights, n, k1, titleWeight, b, b, avgTitle, bodyWeight, b, b, avgBody));
        StringBuilder mask = new StringBuilder("m.mask");
        for (int i = 0; i < plan.phrases().size(); i++) {
            QueryPlan.Phrase phrase = plan.phrases().get(i);
            sql.append("ph").append(i).append(" AS (").append(phrase(phrase, p)).append("),\n");
            mask.append(" | CASE WHEN EXISTS (SELECT 1 FROM ph").append(i).append(" WHERE ph").append(i)
                    .append(".doc_key = m.doc_key) THEN ").append(p.add(phrase.bit())).append("::int8 ELSE 0 END");
        }
        sql.append("f AS (SELECT m.doc_key, m.score, (").append(mask).append(") AS mask FROM m),\n");
        where.append(" AND f.mask <> 0 AND (f.mask & ").append(p.add(plan.required())).append("::int8) = ")
                .append(p.add(plan.required())).append("::int8");
        appendRestrictions(where, plan, filter, tags, p, sql);
        sql.append("r AS (SELECT f.doc_key, f.score FROM f JOIN documents d ON d.doc_key = f.doc_key").append(where)
                .append(")\n");
        return new SearchSql(p, sql.toString(), null);
    }

    private static void appendRestrictions(StringBuilder where, QueryPlan plan, MetadataFilter filter, List<String> tags,
            SqlParams p,
            StringBuilder sql) {
        if (!plan.excluded().isEmpty()) {
            where.append(" AND NOT EXISTS (SELECT 1 FROM postings x WHERE x.collection_id = $2 AND x.term = ANY(")
                    .append(p.add(plan.excluded().toArray(String[]::new))).append("::text[]) AND x.doc_key = d.doc_key)");
        }
        for (int i = 0; i < plan.excludedPhrases().size(); i++) {
            sql.append("nph").append(i).append(" AS (").append(phrase(plan.excludedPhrases().get(i), p)).append("),\n");
            where.append(" AND NOT EXISTS (SELECT 1 FROM nph").append(i).append(" WHERE nph").append(i)
                    .append(".doc_key = d.doc_key)");
        }
        where.append(MetadataFilterSql.conditions(filter, "d.metadata", p));
        if (tags != null && !tags.isEmpty()) {
            where.append(" AND d.tags @> ").append(p.add(tags.toArray(String[]::new))).append("::text[]");
        }
    }

    /** Documents where the phrase's terms occur at their relative offsets. */
    private static String phrase(QueryPlan.Phrase phrase, SqlParams p) {
        StringBuilder sql = new StringBuilder("SELECT p0.doc_key FROM postings p0");
        StringBuilder positions = new StringBuilder();
        for (int i = 1; i < phrase.terms().size(); i++) {
            sql.append(" JOIN postings p").append(i).append(" ON p").append(i).append(".collection_id = $2 AND p").append(i)
                    .append(".term = ").append(p.add(phrase.terms().get(i)))
                    .append(" AND p").append(i).append(".doc_key = p0.doc_key");
            positions.append(" AND (s.pos + ").append(phrase.offsets().get(i)).append(") = ANY(p").append(i)
                    .append(".positions)");
        }
        sql.append(" WHERE p0.collection_id = $2 AND p0.term = ").append(p.add(phrase.terms().get(0)))
                .append(" AND EXISTS (SELECT 1 FROM unnest(p0.positions) AS s(pos) WHERE true").append(positions).append(")");
        return sql.toString();
    }
}
