package dev.flotilla.search.document;

import dev.flotilla.search.db.SqlParams;

/**
 * A {@link MetadataFilter} as the condition of a statement, for the document listing and for
 * searches: each path predicate bound as a parameter, never written into the SQL text.
 */
public final class MetadataFilterSql {

    private MetadataFilterSql() {
    }

    /**
     * The SQL conditions on {@code column} (a jsonb column), each as {@code AND ...} (nothing for an empty
     * filter), binding the paths into {@code params}. Ranges and existence are written as the function
     * {@code jsonb_path_exists} (the same test, errors silent like {@code @?}), which the planner cannot send
     * to the GIN index: the index holds values, so for them it would return every document (a whole index
     * scan per search) for the table to check anyway.
     */
    public static String conditions(MetadataFilter filter, String column, SqlParams params) {
        StringBuilder sql = new StringBuilder();
        for (MetadataFilter.Condition c : filter.conditions()) {
            String path = params.add(c.path()) + "::jsonpath";
            sql.append(" AND ").append(c.negated() ? "NOT " : "")
                    .append(c.indexed() ? "(" + column + " @? " + path + ")"
                            : "jsonb_path_exists(" + column + ", " + path + ", '{}', true)");
        }
        return sql.toString();
    }
}
