package dev.flotilla.health.page;

import dev.flotilla.common.db.Db;
import dev.flotilla.common.db.SqlResults;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** The statements over {@code status_pages}: one row per tenant. */
final class StatusPageSql {

    private static final String COLUMNS = "tenant_id, slug, title, enabled, groups, include_platform, created_at, updated_at, version";

    private static final String INSERT = """
            insert into health.status_pages (tenant_id, slug, title, enabled, groups, include_platform, created_at, updated_at)
            values ($1, $2, $3, $4, $5, $6, $7, $7)
            on conflict (tenant_id) do nothing
            returning %s""".formatted(COLUMNS);

    private static final String UPDATE = """
            update health.status_pages
               set slug = $2, title = $3, enabled = $4, groups = $5, include_platform = $6, updated_at = $7,
                   version = version + 1
             where tenant_id = $1
            returning %s""".formatted(COLUMNS);

    private static final String FIND = "select %s from health.status_pages where tenant_id = $1".formatted(COLUMNS);

    private static final String FIND_FOR_UPDATE = FIND + " for update";

    private static final String BY_SLUG = "select %s from health.status_pages where slug = $1 and enabled".formatted(COLUMNS);

    private static final String DELETE = "delete from health.status_pages where tenant_id = $1";

    private StatusPageSql() {
    }

    /** Creates the tenant's page; null when it has one already. */
    static Uni<StatusPage> insert(SqlClient client, UUID tenant, SaveStatusPage page, List<String> groups, Instant now) {
        return client.preparedQuery(INSERT).execute(values(tenant, page, groups, now))
                .map(rows -> SqlResults.firstRow(rows, StatusPageSql::page));
    }

    static Uni<StatusPage> update(SqlClient client, UUID tenant, SaveStatusPage page, List<String> groups, Instant now) {
        return client.preparedQuery(UPDATE).execute(values(tenant, page, groups, now))
                .map(rows -> SqlResults.firstRow(rows, StatusPageSql::page));
    }

    static Uni<StatusPage> find(SqlClient client, UUID tenant) {
        return client.preparedQuery(FIND).execute(Tuple.of(tenant)).map(rows -> SqlResults.firstRow(rows, StatusPageSql::page));
    }

    static Uni<StatusPage> findForUpdate(SqlClient tx, UUID tenant) {
        return tx.preparedQuery(FIND_FOR_UPDATE).execute(Tuple.of(tenant))
                .map(rows -> SqlResults.firstRow(rows, StatusPageSql::page));
    }

    /** The published page of {@code slug}, or null. */
    static Uni<StatusPage> published(SqlClient client, String slug) {
        return client.preparedQuery(BY_SLUG).execute(Tuple.of(slug))
                .map(rows -> SqlResults.firstRow(rows, StatusPageSql::page));
    }

    /** Answers whether there was a page to delete. */
    static Uni<Boolean> delete(SqlClient client, UUID tenant) {
        return client.preparedQuery(DELETE).execute(Tuple.of(tenant)).map(rows -> rows.rowCount() > 0);
    }

    private static Tuple values(UUID tenant, SaveStatusPage page, List<String> groups, Instant now) {
        return Tuple.from(Arrays.asList(tenant, page.slug(), page.title().strip(), page.enabled(),
                groups.toArray(String[]::new), Boolean.TRUE.equals(page.includePlatform()), Db.ts(now)));
    }

    private static StatusPage page(Row row) {
        return new StatusPage(row.getUUID("tenant_id"), row.getString("slug"), row.getString("title"),
                row.getBoolean("enabled"), List.of(row.getArrayOfStrings("groups")), row.getBoolean("include_platform"),
                Db.instant(row, "created_at"), Db.instant(row, "updated_at"), row.getInteger("version"));
    }
}
