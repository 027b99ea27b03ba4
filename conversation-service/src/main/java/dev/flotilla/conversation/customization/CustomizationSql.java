package dev.flotilla.conversation.customization;

import dev.flotilla.common.db.Db;
import dev.flotilla.common.db.SqlResults;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** The statements over {@code prompt_customizations}, each scoped to a tenant, a user and an agent. */
final class CustomizationSql {

    private static final String COLUMNS = "tenant_id, id, owner, agent_id, name, instructions, enabled, created_at,"
            + " updated_at, version";

    private static final String INSERT = """
            insert into conversation.prompt_customizations (%s)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)""".formatted(COLUMNS);

    private static final String FIND = """
            select %s from conversation.prompt_customizations
             where tenant_id = $1 and owner = $2 and agent_id = $3 and id = $4""".formatted(COLUMNS);

    private static final String PAGE = """
            select %s from conversation.prompt_customizations
             where tenant_id = $1 and owner = $2 and agent_id = $3 and ($4::uuid is null or id > $4)
             order by id
             limit $5""".formatted(COLUMNS);

    /** Ids are time-ordered: oldest first. */
    private static final String ENABLED = """
            select %s from conversation.prompt_customizations
             where tenant_id = $1 and owner = $2 and agent_id = $3 and enabled
             order by id""".formatted(COLUMNS);

    private static final String UPDATE = """
            update conversation.prompt_customizations
               set name = $5, instructions = $6, enabled = $7, updated_at = $8, version = version + 1
             where tenant_id = $1 and owner = $2 and agent_id = $3 and id = $4
            returning %s""".formatted(COLUMNS);

    private static final String DELETE = """
            delete from conversation.prompt_customizations
             where tenant_id = $1 and owner = $2 and agent_id = $3 and id = $4""";

    private CustomizationSql() {
    }

    static Uni<Void> insert(SqlClient client, PromptCustomization c) {
        return client.preparedQuery(INSERT).execute(Tuple.from(Arrays.asList(c.tenant(), c.id(), c.owner(), c.agentId(),
                c.name(), c.instructions(), c.enabled(), Db.ts(c.createdAt()), Db.ts(c.updatedAt()), c.version())))
                .replaceWithVoid();
    }

    static Uni<PromptCustomization> find(SqlClient client, UUID tenant, String owner, UUID agent, UUID id) {
        return client.preparedQuery(FIND).execute(Tuple.of(tenant, owner, agent, id))
                .map(rows -> SqlResults.firstRow(rows, CustomizationSql::customization));
    }

    static Uni<List<PromptCustomization>> page(SqlClient client, UUID tenant, String owner, UUID agent, UUID after,
            int limit) {
        return client.preparedQuery(PAGE).execute(Tuple.from(Arrays.asList(tenant, owner, agent, after, limit)))
                .map(CustomizationSql::all);
    }

    static Uni<List<PromptCustomization>> enabled(SqlClient client, UUID tenant, String owner, UUID agent) {
        return client.preparedQuery(ENABLED).execute(Tuple.of(tenant, owner, agent)).map(CustomizationSql::all);
    }

    static Uni<PromptCustomization> update(SqlClient client, PromptCustomization current, SaveCustomization change,
            Instant now) {
        return client.preparedQuery(UPDATE).execute(Tuple.from(Arrays.asList(current.tenant(), current.owner(),
                current.agentId(), current.id(), change.name(), change.instructions(), change.enabled(), Db.ts(now))))
                .map(rows -> SqlResults.firstRow(rows, CustomizationSql::customization));
    }

    static Uni<Boolean> delete(SqlClient client, UUID tenant, String owner, UUID agent, UUID id) {
        return client.preparedQuery(DELETE).execute(Tuple.of(tenant, owner, agent, id)).map(rows -> rows.rowCount() > 0);
    }

    private static List<PromptCustomization> all(RowSet<Row> rows) {
        List<PromptCustomization> found = new ArrayList<>(rows.size());
        rows.forEach(row -> found.add(customization(row)));
        return found;
    }

    private static PromptCustomization customization(Row row) {
        return new PromptCustomization(row.getUUID("tenant_id"), row.getUUID("id"), row.getString("owner"),
                row.getUUID("agent_id"), row.getString("name"), row.getString("instructions"), row.getBoolean("enabled"),
                Db.instant(row, "created_at"), Db.instant(row, "updated_at"), row.getInteger("version"));
    }
}
