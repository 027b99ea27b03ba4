package dev.flotilla.notification.template;

import dev.flotilla.common.db.Db;
import dev.flotilla.common.db.SqlResults;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** The statements over {@code templates}, each scoped to a tenant. */
final class TemplateSql {

    private static final String COLUMNS = """
            id, pattern, channel, locale, inbox_title, inbox_body, email_subject, email_html, email_text, created_by,
            created_at, updated_at, version""";

    private static final String INSERT = """
            insert into notification.templates (id, tenant_id, pattern, channel, locale, inbox_title, inbox_body,
                                                email_subject, email_html, email_text, created_by, created_at, updated_at)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, now(), now())
            returning %s""".formatted(COLUMNS);

    /** $11: the version the change was made to, so that a concurrent change makes it match nothing. */
    private static final String UPDATE = """
            update notification.templates
               set pattern = $3, channel = $4, locale = $5, inbox_title = $6, inbox_body = $7, email_subject = $8,
                   email_html = $9, email_text = $10, updated_at = now(), version = version + 1
             where tenant_id = $1 and id = $2 and version = $11
            returning %s""".formatted(COLUMNS);

    private static final String DELETE = "delete from notification.templates where tenant_id = $1 and id = $2 and version = $3";

    private static final String FIND = "select " + COLUMNS + " from notification.templates where tenant_id = $1 and id = $2";

    private static final String PAGE = """
            select %s from notification.templates
             where tenant_id = $1 and id > $2
               and ($3::text is null or pattern = $3) and ($4::text is null or channel = $4) and ($5::text is null or locale = $5)
             order by id
             limit $6"""
            .formatted(COLUMNS);

    private static final String CANDIDATES = """
            select %s from notification.templates
             where tenant_id = $1 and channel = $2 and pattern = any($3) and locale = any($4)""".formatted(COLUMNS);

    /** Below every UUIDv7: where the first page starts. */
    private static final UUID FIRST = new UUID(0, 0);

    private TemplateSql() {
    }

    static Uni<TemplateView> insert(SqlClient client, UUID id, UUID tenant, String pattern, String channel, String locale,
            SaveTemplate parts, String createdBy) {
        return client.preparedQuery(INSERT)
                .execute(Tuple.from(Arrays.asList(id, tenant, pattern, channel, locale, parts.title(), parts.body(),
                        parts.subject(), parts.html(), parts.text(), createdBy)))
                .map(rows -> view(rows.iterator().next()));
    }

    /** The template as changed, or null when it is no longer at {@code version}. */
    static Uni<TemplateView> update(SqlClient client, UUID tenant, UUID id, int version, String pattern, String channel,
            String locale, SaveTemplate parts) {
        return client.preparedQuery(UPDATE)
                .execute(Tuple.from(Arrays.asList(tenant, id, pattern, channel, locale, parts.title(), parts.body(),
                        parts.subject(), parts.html(), parts.text(), version)))
                .map(rows -> SqlResults.firstRow(rows, TemplateSql::view));
    }

    /** Whether the template was deleted at {@code version}. */
    static Uni<Boolean> delete(SqlClient client, UUID tenant, UUID id, int version) {
        return client.preparedQuery(DELETE).execute(Tuple.of(tenant, id, version)).map(rows -> rows.rowCount() == 1);
    }

    static Uni<TemplateView> find(SqlClient client, UUID tenant, UUID id) {
        return client.preparedQuery(FIND).execute(Tuple.of(tenant, id))
                .map(rows -> SqlResults.firstRow(rows, TemplateSql::view));
    }

    /** Up to {@code limit} templates after {@code after}, in id order, of the pattern, channel and locale given (null: any). */
    static Uni<List<TemplateView>> page(SqlClient client, UUID tenant, UUID after, String pattern, String channel,
            String locale, int limit) {
        return client.preparedQuery(PAGE)
                .execute(Tuple.from(Arrays.asList(tenant, after == null ? FIRST : after, pattern, channel, locale, limit)))
                .map(TemplateSql::views);
    }

    /** The tenant's templates for {@code channel} with one of {@code patterns} and one of {@code locales}. */
    static Uni<List<TemplateView>> candidates(SqlClient client, UUID tenant, String channel, String[] patterns,
            String[] locales) {
        return client.preparedQuery(CANDIDATES).execute(Tuple.of(tenant, channel, patterns, locales)).map(TemplateSql::views);
    }

    private static List<TemplateView> views(RowSet<Row> rows) {
        List<TemplateView> views = new ArrayList<>(rows.size());
        rows.forEach(row -> views.add(view(row)));
        return views;
    }

    private static TemplateView view(Row row) {
        return new TemplateView(row.getUUID("id"), row.getString("pattern"), row.getString("channel"), row.getString("locale"),
                row.getString("inbox_title"), row.getString("inbox_body"), row.getString("email_subject"),
                row.getString("email_html"), row.getString("email_text"), row.getString("created_by"),
                Db.instant(row, "created_at"), Db.instant(row, "updated_at"), row.getInteger("version"));
    }
}
