package dev.flotilla.auth.user;

import dev.flotilla.common.paging.PageParams;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

/** Queries over users, every one scoped to a tenant. */
@ApplicationScoped
class UserRepository implements PanacheRepositoryBase<User, UUID> {

    public Uni<User> find(UUID tenant, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenant, id).firstResult();
    }

    public Uni<User> findByEmail(UUID tenant, String email) {
        return find("tenantId = ?1 and email = ?2", tenant, email).firstResult();
    }

    /** Active administrators of the tenant. */
    public Uni<Long> countActiveAdmins(UUID tenant) {
        return count("tenantId = ?1 and status = 'active' and array_contains(roles, 'admin')", tenant);
    }

    /** One page in id order (creation order), fetching one extra row to tell whether another page follows. */
    public Uni<List<User>> page(UUID tenant, UserFilter filter, PageParams page) {
        StringBuilder query = new StringBuilder("tenantId = :tenant");
        Parameters parameters = Parameters.with("tenant", tenant);
        if (filter.role() != null) {
            query.append(" and array_contains(roles, :role)");
            parameters.and("role", filter.role());
        }
        if (filter.status() != null) {
            query.append(" and status = :status");
            parameters.and("status", filter.status());
        }
        if (filter.emailPrefix() != null) {
            query.append(" and email like :prefix escape '\\'");
            parameters.and("prefix", filter.emailPrefix().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (page.after() != null) {
            query.append(" and id > :after");
            parameters.and("after", page.after().id());
        }
        query.append(" order by id");
        return find(query.toString(), parameters).range(0, page.limit()).list();
    }
}
