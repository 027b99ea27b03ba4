package dev.flotilla.auth.client;

import dev.flotilla.common.db.SqlResults;
import dev.flotilla.common.paging.PageParams;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.JDBCException;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Queries over service clients, scoped to a tenant except the lookup by client id at the token endpoint. */
@ApplicationScoped
class ServiceClientRepository implements PanacheRepositoryBase<ServiceClient, UUID> {

    private static final String CREDENTIALS = "select client_id, tenant_id, secret_hash, roles from service_client where client_id = $1";

    private static final String FOREIGN_KEY_VIOLATION = "23503";

    private final Pool pool;

    public ServiceClientRepository(Pool pool) {
        this.pool = pool;
    }

    /** What the token endpoint needs of a client. */
    public record Credentials(String clientId, UUID tenantId, String secretHash, List<String> roles) {
    }

    public Uni<ServiceClient> findByClientId(String clientId) {
        return find("clientId", clientId).firstResult();
    }

    public Uni<ServiceClient> find(UUID tenant, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenant, id).firstResult();
    }

    /**
     * Whether {@code failure} is the database refusing a client of a tenant it does not know (a
     * foreign-key violation, SQLSTATE 23503): a token this service trusts may name a tenant that is
     * not, or no longer, registered here.
     */
    static boolean isUnknownTenant(Throwable failure) {
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            String state = t instanceof PgException pg ? pg.getSqlState()
                    : t instanceof JDBCException j ? j.getSQLState() : null;
            if (FOREIGN_KEY_VIOLATION.equals(state)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Deletes the client in one statement, which cannot race: true when it deleted it, false when it
     * was not there (or a concurrent delete removed it first; this one then waits for that one's row
     * lock and deletes nothing).
     */
    public Uni<Boolean> deleteIfPresent(UUID tenant, UUID id) {
        return delete("tenantId = ?1 and id = ?2", tenant, id).map(deleted -> deleted > 0);
    }

    /**
     * The client's credentials, or null for an unknown client id: one prepared statement straight on
     * the pool, without a session, as the token endpoint asks for them on every token it issues.
     */
    public Uni<Credentials> credentials(String clientId) {
        return pool.preparedQuery(CREDENTIALS).execute(Tuple.of(clientId))
                .map(rows -> SqlResults.firstRow(rows, ServiceClientRepository::credentials));
    }

    private static Credentials credentials(Row row) {
        return new Credentials(row.getString("client_id"), row.getUUID("tenant_id"), row.getString("secret_hash"),
                Arrays.asList(row.getArrayOfStrings("roles")));
    }

    public Uni<List<ServiceClient>> page(UUID tenant, PageParams page) {
        if (page.after() == null) {
            return find("tenantId = ?1 order by id", tenant).range(0, page.limit()).list();
        }
        return find("tenantId = ?1 and id > ?2 order by id", tenant, page.after().id()).range(0, page.limit()).list();
    }
}
