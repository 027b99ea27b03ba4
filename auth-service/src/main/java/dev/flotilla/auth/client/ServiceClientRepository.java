package dev.flotilla.auth.client;

import dev.flotilla.common.paging.PageParams;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

/** Queries over service clients, scoped to a tenant except the lookup by client id at the token endpoint. */
@ApplicationScoped
public class ServiceClientRepository implements PanacheRepositoryBase<ServiceClient, UUID> {

    public Uni<ServiceClient> find(UUID tenant, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenant, id).firstResult();
    }

    public Uni<ServiceClient> findByClientId(String clientId) {
        return find("clientId", clientId).firstResult();
    }

    public Uni<List<ServiceClient>> page(UUID tenant, PageParams page) {
        if (page.after() == null) {
            return find("tenantId = ?1 order by id", tenant).range(0, page.limit()).list();
        }
        return find("tenantId = ?1 and id > ?2 order by id", tenant, page.after().id()).range(0, page.limit()).list();
    }
}
