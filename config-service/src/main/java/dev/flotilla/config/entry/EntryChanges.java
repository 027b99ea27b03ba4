package dev.flotilla.config.entry;

import dev.flotilla.common.audit.AuditTrail;
import dev.flotilla.common.db.Db;
import dev.flotilla.common.error.Conflict;
import dev.flotilla.common.error.NotFound;
import dev.flotilla.config.environment.EnvironmentSql;
import dev.flotilla.config.namespace.NamespaceIndex;
import dev.flotilla.config.namespace.NamespaceSql;
import dev.flotilla.config.watch.ChangeFeed;
import dev.flotilla.config.watch.ChangedKey;
import dev.flotilla.config.watch.NamespaceChange;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The one way entries change: every create, update, delete and rollback (and whatever later applies several changes
 * at once) passes through {@link #apply}. In one transaction it locks the namespace and takes the number of its next
 * revision, checks each change against the entry as it is now, writes the entries and records the revision with each
 * entry's state before and after, and announces it to watchers ({@link ChangeFeed}). Either all of a change set is
 * written, with its revision and its announcement, or none of it. A change of a secret entry (one that is secret
 * before or after it) is also recorded for auth-service's audit trail, in the same transaction, naming the namespace,
 * key and environment, never a value.
 */
@ApplicationScoped
public class EntryChanges {

    static final String CREATE = "create";
    static final String UPDATE = "update";
    static final String DELETE = "delete";

    private final Db db;
    private final EntryCodec codec;
    private final AuditTrail audit;
    private final ChangeFeed feed;

    public EntryChanges(Db db, EntryCodec codec, AuditTrail audit, ChangeFeed feed) {
        this.db = db;
        this.codec = codec;
        this.audit = audit;
        this.feed = feed;
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
                        .chain(() -> auditSecrets(tx, tenant, namespace, set.author(), ns.index(), work.recorded))
                        .chain(() -> feed.announce(tx, announcement(tenant, ns.id(), namespace, header, work.recorded)))
                        .map(ignored -> new AppliedRevision(ns.id(), ns.index(), kind, now, List.copyOf(work.applied)));
            });
        });
    }

    /** {@code config.secret.created}, {@code .updated} or {@code .deleted} for each change of a secret entry. */
    private Uni<Void> auditSecrets(SqlConnection tx, UUID tenant, String namespace, String author, long revision,
            List<ChangeSql.Recorded> recorded) {
        Uni<Void> steps = Uni.createFrom().voidItem();
        for (ChangeSql.Recorded change : recorded) {
            boolean secretBefore = change.before() != null && change.before().secret();
            boolean secretAfter = change.after() != null && change.after().secret();
            if (!secretBefore && !secretAfter) {
                continue;
            }
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("namespace", namespace);
            detail.put("key", change.key());
            if (!change.env().isEmpty()) {
                detail.put("env", change.env());
            }
            detail.put("revision", revision);
            detail.put("secret", secretAfter);
            String type = "config.secret." + change.action() + "d";
            String subject = namespace + "/" + change.key() + (change.env().isEmpty() ? "" : "?env=" + change.env());
            steps = steps.chain(() -> audit.record(tx, tenant, type, author, subject, detail));
        }
        return steps;
    }

    private static NamespaceChange announcement(UUID tenant, UUID namespaceId, String namespace, ChangeSql.Header header,
            List<ChangeSql.Recorded> recorded) {
        List<ChangedKey> keys = recorded.stream()
                .map(change -> new ChangedKey(change.key(), change.env().isEmpty() ? null : change.env(), change.action()))
                .toList();
        return new NamespaceChange(tenant, namespaceId, namespace, header.number(), header.kind(), header.author(),
                header.at(), keys);
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
