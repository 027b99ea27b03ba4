package dev.flotilla.config.environment;

import dev.flotilla.common.db.Db;
import dev.flotilla.common.db.SqlResults;
import dev.flotilla.common.error.Conflict;
import dev.flotilla.common.error.NotFound;
import dev.flotilla.common.paging.Cursor;
import dev.flotilla.common.paging.Page;
import dev.flotilla.common.paging.PageParams;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * A tenant's environments: {@code dev}, {@code staging} and {@code prod}, which cannot be created or deleted, and
 * those the tenant defines. One that still holds entries, flags or API keys not revoked cannot be deleted. Entries,
 * flags and API keys live only in an environment of the tenant; OFREP keeps what it found in memory, so every change
 * is announced to every replica.
 */
@ApplicationScoped
public class EnvironmentService {

    private final Db db;
    private final Event<EnvironmentsChanged> changes;

    public EnvironmentService(Db db, Event<EnvironmentsChanged> changes) {
        this.db = db;
        this.changes = changes;
    }

    public Uni<EnvironmentView> create(UUID tenant, String createdBy, CreateEnvironment request) {
        String name = Environments.requireName("name", request.name());
        if (Environments.BUILT_IN.contains(name)) {
            return Uni.createFrom().failure(exists(name));
        }
        String description = request.description() == null ? null : request.description().strip();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return db.tx(tx -> EnvironmentSql.insert(tx, tenant, name, description, createdBy, now)
                .chain(() -> EnvironmentSql.announce(tx, tenant)))
                .onFailure(SqlResults::isUniqueViolation).transform(e -> exists(name))
                .invoke(() -> changes.fire(new EnvironmentsChanged(tenant)))
                .map(ignored -> new EnvironmentView(name, description, false, createdBy, now, false));
    }

    public Uni<Page<EnvironmentView>> list(UUID tenant, PageParams page) {
        String after = page.after() == null ? "" : page.after().key(0, 1);
        return EnvironmentSql.page(db.pool(), tenant, after, page.limit() + 1)
                .map(views -> Page.fromOverfetch(views, page.limit(), view -> Cursor.of(view.name())));
    }

    public Uni<EnvironmentView> get(UUID tenant, String name) {
        return EnvironmentSql.find(db.pool(), tenant, name).onItem().ifNull().failWith(() -> new NotFound("environment", name));
    }

    /** Fails with 404 unless {@code name} is an environment of the tenant; the default layer (empty) always is. */
    public Uni<Void> require(UUID tenant, String name) {
        if (name.isEmpty() || Environments.BUILT_IN.contains(name)) {
            return Uni.createFrom().voidItem();
        }
        return get(tenant, name).replaceWithVoid();
    }

    /** Whether the environment's entries and flags change only through approved change requests, as an admin sets it. */
    public Uni<EnvironmentView> update(UUID tenant, String setBy, String name, UpdateEnvironment request) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return get(tenant, name).chain(() -> db.statement(
                pool -> EnvironmentSql.requireApproval(pool, tenant, name, request.requiresApproval(), setBy, now)))
                .chain(() -> get(tenant, name));
    }

    public Uni<Void> delete(UUID tenant, String name) {
        if (Environments.BUILT_IN.contains(name)) {
            return Uni.createFrom().failure(new Conflict("Environment " + name + " is built in and cannot be deleted"));
        }
        return db.tx(tx -> EnvironmentSql.lockForDelete(tx, tenant, name).chain(exists -> {
            if (!exists) {
                return Uni.createFrom().failure(new NotFound("environment", name));
            }
            return EnvironmentSql.inUse(tx, tenant, name).chain(inUse -> inUse
                    ? Uni.createFrom().failure(new Conflict("Environment " + name
                            + " still holds entries, flags or API keys; delete or revoke them first"))
                    : EnvironmentSql.delete(tx, tenant, name).chain(() -> EnvironmentSql.announce(tx, tenant)));
        })).invoke(() -> changes.fire(new EnvironmentsChanged(tenant)));
    }

    private static Conflict exists(String name) {
        return new Conflict("Environment " + name + " exists already");
    }
}
