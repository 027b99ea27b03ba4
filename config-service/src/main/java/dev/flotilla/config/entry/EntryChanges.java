package dev.flotilla.config.entry;

import dev.flotilla.common.db.Db;
import dev.flotilla.common.error.Conflict;
import dev.flotilla.common.error.NotFound;
import dev.flotilla.config.environment.EnvironmentSql;
import dev.flotilla.config.namespace.NamespaceIndex;
import dev.flotilla.config.namespace.NamespaceSql;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The one way entries change: every create, update, delete and rollback (and whatever later applies several changes
 * at once) passes through {@link #apply}. In one transaction it locks the namespace and takes the number of its next
 * revision, checks each change against the entry as it is now, writes the entries and records the revision with each
 * entry's state before and after. Either all of a change set is written, with its revision, or none of it.
 */
@ApplicationScoped
public class EntryChanges {

    static final String CREATE = "create";
    static final String UPDATE = "update";
    static final String DELETE = "delete";

    private final Db db;
    private final EntryCodec codec;

    public EntryChanges(Db db, EntryCodec codec) {
        this.db = db;
        this.codec = codec;
    }

    /** The revision written; 404 for a missing namespace, environment or entry to delete, 409 when nothing changes. */
    public Uni<AppliedRevision> apply(UUID tenant, String namespace, ChangeSet set) {
        return db.tx(tx -> apply(tx, tenant, namespace, set));
    }

    /** {@link #apply(UUID, String, ChangeSet)} inside the caller's transaction, for work that must commit with it. */
    public Uni<AppliedRevision> apply(SqlConnection tx, UUID tenant, String namespace, ChangeSet set) {
        return NamespaceSql.advance(tx, tenant, namespace).chain(ns -> {
            if (ns == null) {
                return Uni.createFrom().failure(new NotFound("namespace", namespace));
            }
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            Work work = new Work(tx, tenant, ns, set.author(), now);
            Uni<Void> steps = Uni.createFrom().voidItem();
            for (EntryChange change : set.changes()) {
                steps = steps.chain(() -> work.apply(change));
            }
            return steps.chain(() -> {
                if (work.recorded.isEmpty()) {
                    return Uni.createFrom().failure(
                            new Conflict("Nothing to change: the entries already are as this change would make them"));
                }
                String kind = set.rolledBackTo() != null ? "rollback"
                        : work.recorded.size() == 1 ? work.recorded.get(0).action() : UPDATE;
                ChangeSql.Header header = new ChangeSql.Header(ns.index(), kind, set.author(), set.message(),
                        set.rolledBackTo(), now);
                return ChangeSql.insert(tx, tenant, ns.id(), header, work.recorded)
                        .map(ignored -> new AppliedRevision(ns.id(), ns.index(), kind, now, List.copyOf(work.applied)));
            });
        });
    }

    /** One transaction's changes, applied in order; built anew when the transaction is run again. */
    private final class Work {

        final SqlConnection tx;
        final UUID tenant;
        final NamespaceIndex ns;
        final String author;
        final Instant now;
        final List<ChangeSql.Recorded> recorded = new ArrayList<>();
        final List<AppliedChange> applied = new ArrayList<>();

        Work(SqlConnection tx, UUID tenant, NamespaceIndex ns, String author, Instant now) {
            this.tx = tx;
            this.tenant = tenant;
            this.ns = ns;
            this.author = author;
            this.now = now;
        }

        Uni<Void> apply(EntryChange change) {
            Uni<Boolean> environment = change.env().isEmpty() ? Uni.createFrom().item(true)
                    : EnvironmentSql.hold(tx, tenant, change.env());
            return environment.chain(exists -> {
                if (!exists) {
                    // An environment deleted since holds no entries: restoring its absence changes nothing.
                    return change.skipUnchanged() && change.desired() == null ? Uni.createFrom().voidItem()
                            : Uni.createFrom().failure(new NotFound("environment", change.env()));
                }
                return EntrySql.current(tx, tenant, ns.id(), change.key(), change.env())
                        .chain(current -> write(change, current));
            });
        }

        private Uni<Void> write(EntryChange change, EntryRow current) {
            String key = change.key();
            String env = change.env();
            if (change.desired() == null && current == null) {
                return change.skipUnchanged() ? Uni.createFrom().voidItem()
                        : Uni.createFrom().failure(new NotFound("entry", key + (env.isEmpty() ? "" : " in " + env)));
            }
            change.precondition().check(current == null ? null : current.etag());
            if (change.desired() == null) {
                return EntrySql.delete(tx, tenant, ns.id(), key, env).invoke(() -> {
                    recorded.add(new ChangeSql.Recorded(key, env, DELETE, current.state(), null));
                    applied.add(new AppliedChange(key, env, DELETE, null, null));
                });
            }
            if (change.skipUnchanged() && current != null
                    && change.desired().equals(codec.open(tenant, ns.id(), key, env, current.state()))) {
                return Uni.createFrom().voidItem();
            }
            return put(key, env, change.desired(), current);
        }

        private Uni<Void> put(String key, String env, EntryContent content, EntryRow current) {
            String action = current == null ? CREATE : UPDATE;
            StoredState after = codec.store(tenant, ns.id(), key, env, content);
            EntryRow row = new EntryRow(key, env, after, ns.index(), null, author, now);
            return EntrySql.upsert(tx, tenant, ns.id(), row).invoke(createdAt -> {
                recorded.add(new ChangeSql.Recorded(key, env, action, current == null ? null : current.state(), after));
                applied.add(new AppliedChange(key, env, action,
                        new EntryRow(key, env, after, ns.index(), createdAt, author, now), content));
            }).replaceWithVoid();
        }
    }
}
