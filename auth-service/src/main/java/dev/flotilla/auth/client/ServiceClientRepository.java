package dev.flotilla.auth.client;

import dev.flotilla.common.db.SqlResults;
import dev.flotilla.common.paging.PageParams;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Queries over service clients, scoped to a tenant except the lookup by client id at the token endpoint. */
@ApplicationScoped
class ServiceClientRepository implements PanacheRepositoryBase<ServiceClient, UUID> {

    private static final String CREDENTIALS = "select client_id, tenant_id, secret_hash, roles from service_client where client_id = $1";

    private final Pool pool;

    public ServiceClientRepository(Pool pool) {
        this.pool = pool;
    }

    /** What the token endpoint needs of a client. */
    public record Credentials(String clientId, UUID tenantId, String secretHash, List<String> roles) {
    }

    public Uni<ServiceClient> find(UUID tenant, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenant, id).firstResult();
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
