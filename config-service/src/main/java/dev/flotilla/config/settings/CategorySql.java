package dev.flotilla.config.settings;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flotilla.common.db.Db;
import dev.flotilla.common.db.SqlResults;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** The statements over {@code setting_categories}, each scoped to a tenant. */
final class CategorySql {

    private static final String COLUMNS = "name, description, value_schema::text as value_schema, created_by, created_at";

    private static final String INSERT = """
            insert into config.setting_categories (tenant_id, name, description, value_schema, created_by, created_at)
            values ($1, $2, $3, $4::text::jsonb, $5, now())
            returning %s""".formatted(COLUMNS);

    private static final String FIND = "select " + COLUMNS
            + " from config.setting_categories where tenant_id = $1 and name = $2";

    /** A write into the category holds this until it commits, so the category cannot be deleted under it. */
    private static final String FIND_FOR_WRITE = FIND + " for share";

    private static final String PAGE = """
            select %s from config.setting_categories
             where tenant_id = $1 and name > $2
             order by name
             limit $3""".formatted(COLUMNS);

    private static final String NAMES = """
            select name from config.setting_categories where tenant_id = $1 order by name limit $2""";

    private static final String DELETE = "delete from config.setting_categories where tenant_id = $1 and name = $2";

    private static final String DELETE_SETTINGS = "delete from config.user_settings where tenant_id = $1 and category = $2";

    private static final String DELETE_DEFAULTS = "delete from config.setting_defaults where tenant_id = $1 and category = $2";

    private CategorySql() {
    }

    static Uni<CategoryView> insert(SqlClient client, UUID tenant, String name, String description, String schema,
            String createdBy) {
        return client.preparedQuery(INSERT)
                .execute(Tuple.from(Arrays.asList(tenant, name, description, schema, createdBy)))
                .map(rows -> view(rows.iterator().next()));
    }

    /** The tenant's category, or null; {@code forWrite} (in a transaction) keeps it from being deleted until commit. */
    static Uni<CategoryView> find(SqlClient client, UUID tenant, String name, boolean forWrite) {
        return client.preparedQuery(forWrite ? FIND_FOR_WRITE : FIND).execute(Tuple.of(tenant, name))
                .map(rows -> SqlResults.firstRow(rows, CategorySql::view));
    }

    /** Up to {@code limit} of the tenant's categories named after {@code after}, in name order. */
    static Uni<List<CategoryView>> page(SqlClient client, UUID tenant, String after, int limit) {
        return client.preparedQuery(PAGE).execute(Tuple.of(tenant, after, limit)).map(rows -> {
            List<CategoryView> views = new ArrayList<>(rows.size());
            rows.forEach(row -> views.add(view(row)));
            return views;
        });
    }

    /** The names of the first {@code limit} of the tenant's categories. */
    static Uni<List<String>> names(SqlClient client, UUID tenant, int limit) {
        return client.preparedQuery(NAMES).execute(Tuple.of(tenant, limit)).map(rows -> {
            List<String> names = new ArrayList<>(rows.size());
            rows.forEach(row -> names.add(row.getString("name")));
            return names;
        });
    }

    /**
     * Deletes the category, then every user's settings and the defaults in it (inside the caller's
     * transaction). The category goes first: its row lock waits for writes into it to commit, and the
     * deletes that follow then see what they wrote. Whether there was such a category.
     */
    static Uni<Boolean> delete(SqlClient client, UUID tenant, String name) {
        return client.preparedQuery(DELETE).execute(Tuple.of(tenant, name)).chain(rows -> {
            if (rows.rowCount() == 0) {
                return Uni.createFrom().item(false);
            }
            return client.preparedQuery(DELETE_SETTINGS).execute(Tuple.of(tenant, name))
                    .chain(() -> client.preparedQuery(DELETE_DEFAULTS).execute(Tuple.of(tenant, name)))
                    .map(ignored -> true);
        });
    }

    private static CategoryView view(Row row) {
        String schema = row.getString("value_schema");
        JsonNode parsed = schema == null ? null : SettingValues.parse(schema);
        return new CategoryView(row.getString("name"), row.getString("description"), parsed, false,
                row.getString("created_by"), Db.instant(row, "created_at"));
    }
}
