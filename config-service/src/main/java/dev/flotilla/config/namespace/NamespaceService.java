package dev.flotilla.config.namespace;

import dev.flotilla.common.db.Db;
import dev.flotilla.common.db.SqlResults;
import dev.flotilla.common.error.Conflict;
import dev.flotilla.common.error.NotFound;
import dev.flotilla.common.error.PreconditionFailed;
import dev.flotilla.common.id.Ids;
import dev.flotilla.common.paging.Cursor;
import dev.flotilla.common.paging.Page;
import dev.flotilla.common.paging.PageParams;
import dev.flotilla.common.request.Preconditions;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** A tenant's namespaces. Deleting one deletes its entries and their history with it. */
@ApplicationScoped
public class NamespaceService {

    private final Db db;

    public NamespaceService(Db db) {
        this.db = db;
    }

    public Uni<NamespaceView> create(UUID tenant, String createdBy, CreateNamespace request) {
        String name = Namespaces.requireName("name", request.name());
        String description = request.description() == null ? null : request.description().strip();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return db.statement(pool -> NamespaceSql.insert(pool, Ids.next(), tenant, name, description, createdBy, now))
                .onFailure(SqlResults::isUniqueViolation).transform(e -> new Conflict("Namespace " + name + " exists already"))
                .map(ignored -> new NamespaceView(name, description, createdBy, now, 0, false));
    }

    public Uni<Page<NamespaceView>> list(UUID tenant, PageParams page) {
        String after = page.after() == null ? "" : page.after().key(0, 1);
        return NamespaceSql.page(db.pool(), tenant, after, page.limit() + 1)
                .map(views -> Page.fromOverfetch(views, page.limit(), view -> Cursor.of(view.name())));
    }

    public Uni<NamespaceView> get(UUID tenant, String name) {
        return NamespaceSql.find(db.pool(), tenant, name).onItem().ifNull().failWith(() -> new NotFound("namespace", name));
    }

    /** Whether the namespace's entries change only through approved change requests, as an admin sets it. */
    public Uni<NamespaceView> update(UUID tenant, String name, UpdateNamespace request) {
        return db.statement(pool -> NamespaceSql.requireApproval(pool, tenant, name, request.requiresApproval()))
                .onItem().ifNull().failWith(() -> new NotFound("namespace", name));
    }

    /** Deletes the namespace; with {@code ifMatch}, only while it is at the index the caller saw. */
    public Uni<Void> delete(UUID tenant, String name, String ifMatch) {
        return get(tenant, name).chain(current -> {
            Preconditions.check(ifMatch, current.etag(), "namespace");
            Long index = ifMatch == null || ifMatch.isBlank() ? null : current.index();
            return db.statement(pool -> NamespaceSql.delete(pool, tenant, name, index));
        }).map(deleted -> {
            if (!deleted) {
                throw new PreconditionFailed("The namespace changed while this request was made; fetch it again");
            }
            return null;
        });
    }
}
