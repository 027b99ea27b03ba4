package dev.flotilla.config.revision;

import dev.flotilla.common.db.Db;
import dev.flotilla.common.error.BadRequest;
import dev.flotilla.common.error.NotFound;
import dev.flotilla.common.paging.Cursor;
import dev.flotilla.common.paging.Page;
import dev.flotilla.common.paging.PageParams;
import dev.flotilla.config.approval.ApprovalGate;
import dev.flotilla.config.entry.ChangeSet;
import dev.flotilla.config.entry.EntryChange;
import dev.flotilla.config.entry.EntryChanges;
import dev.flotilla.config.entry.EntryCodec;
import dev.flotilla.config.entry.EntryContent;
import dev.flotilla.config.entry.EntryKeys;
import dev.flotilla.config.entry.Indexed;
import dev.flotilla.config.entry.Reader;
import dev.flotilla.config.entry.StateView;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The history of a namespace: its revisions, newest first; how two of its states differ; and rollbacks, which write a
 * new revision restoring the entries one revision changed to exactly the state it left them in.
 */
@ApplicationScoped
public class RevisionService {

    private final Db db;
    private final EntryCodec codec;
    private final EntryChanges changes;
    private final ApprovalGate approvals;

    public RevisionService(Db db, EntryCodec codec, EntryChanges changes, ApprovalGate approvals) {
        this.db = db;
        this.codec = codec;
        this.changes = changes;
        this.approvals = approvals;
    }

    /** Revisions newest first; with {@code key} or {@code env}, only those that changed that key or environment. */
    public Uni<Indexed<Page<RevisionView>>> list(Reader reader, String namespace, String key, String env, PageParams page) {
        String keyFilter = key == null ? null : EntryKeys.requireKey("key", key);
        String layer = env == null || env.isEmpty() ? null : EntryKeys.layer(env);
        long before = page.after() == null ? Long.MAX_VALUE : number(page.after().key(0, 1));
        return RevisionSql.page(db.pool(), reader.tenant(), namespace, before, keyFilter, layer, page.limit() + 1)
                .chain(history -> {
                    found(history, namespace);
                    Long[] numbers = history.revisions().stream().map(RevisionRow::number).toArray(Long[]::new);
                    Uni<List<ChangeRow>> rows = numbers.length == 0 ? Uni.createFrom().item(List.of())
                            : RevisionSql.changes(db.pool(), reader.tenant(), history.namespaceId(), numbers);
                    return rows.map(changeRows -> {
                        Map<Long, List<ChangeRow>> byNumber = new HashMap<>();
                        changeRows.forEach(row -> byNumber.computeIfAbsent(row.number(), n -> new ArrayList<>()).add(row));
                        List<RevisionView> views = history.revisions().stream()
                                .map(revision -> view(reader, history.namespaceId(), revision,
                                        byNumber.getOrDefault(revision.number(), List.of())))
                                .toList();
                        return new Indexed<>(Page.fromOverfetch(views, page.limit(), view -> Cursor.of(view.number())),
                                history.index());
                    });
                });
    }

    public Uni<Indexed<RevisionView>> get(Reader reader, String namespace, long number) {
        return revision(reader.tenant(), namespace, number).map(history -> new Indexed<>(
                view(reader, history.namespaceId(), history.revisions().get(0), history.changes()), history.index()));
    }

    /**
     * How entries differ from the state at revision {@code against} (default: the one before {@code number}; 0: before
     * the first) to the state at revision {@code number}.
     */
    public Uni<Indexed<DiffView>> diff(Reader reader, String namespace, long number, Long against) {
        long from = against == null ? number - 1 : against;
        return revision(reader.tenant(), namespace, number).chain(history -> {
            if (from < 0 || from > history.index()) {
                return Uni.createFrom().failure(new NotFound("revision", from));
            }
            UUID ns = history.namespaceId();
            return RevisionSql.states(db.pool(), reader.tenant(), ns, from, number).map(pairs -> {
                Map<Diff.Slot, EntryContent> before = new HashMap<>();
                Map<Diff.Slot, EntryContent> after = new HashMap<>();
                for (StatePair pair : pairs) {
                    Diff.Slot slot = new Diff.Slot(pair.key(), pair.env());
                    put(before, slot, codec.open(reader.tenant(), ns, pair.key(), pair.env(), pair.from()));
                    put(after, slot, codec.open(reader.tenant(), ns, pair.key(), pair.env(), pair.to()));
                }
                List<ChangeView> differences = Diff.between(before, after).stream()
                        .map(d -> new ChangeView(d.slot().key(), env(d.slot().env()), null,
                                StateView.of(d.old(), reader.reveal()), StateView.of(d.current(), reader.reveal())))
                        .toList();
                return new Indexed<>(new DiffView(from, number, differences), history.index());
            });
        });
    }

    /**
     * A new revision giving the entries revision {@code number} changed (or those of {@code keys}) exactly the state it
     * left them in: value, type, schema, description and secrecy, a deleted entry deleted. 409 when they all have it.
     */
    public Uni<Indexed<RevisionView>> rollback(Reader reader, String author, String namespace, long number,
            Rollback request) {
        String message = request == null || request.message() == null || request.message().isBlank()
                ? "Rollback to revision " + number
                : request.message().strip();
        return revision(reader.tenant(), namespace, number).chain(history -> {
            UUID ns = history.namespaceId();
            List<EntryChange> restores = new ArrayList<>();
            for (ChangeRow change : selected(history.changes(), request == null ? null : request.keys(), number)) {
                restores.add(EntryChange.restore(change.key(), change.env(),
                        codec.open(reader.tenant(), ns, change.key(), change.env(), change.after())));
            }
            return approvals.requireDirectEntries(reader.tenant(), namespace, restores.stream().map(EntryChange::env).toList())
                    .chain(() -> changes.apply(reader.tenant(), namespace, new ChangeSet(author, message, number, restores)));
        }).chain(applied -> get(reader, namespace, applied.number()));
    }

    private Uni<History> revision(UUID tenant, String namespace, long number) {
        return RevisionSql.find(db.pool(), tenant, namespace, number).map(history -> {
            found(history, namespace);
            if (history.revisions().isEmpty()) {
                throw new NotFound("revision", number);
            }
            return history;
        });
    }

    private ChangeView change(Reader reader, UUID namespace, ChangeRow row) {
        return new ChangeView(row.key(), env(row.env()), row.action(),
                codec.view(reader.reveal(), reader.tenant(), namespace, row.key(), row.env(), row.before()),
                codec.view(reader.reveal(), reader.tenant(), namespace, row.key(), row.env(), row.after()));
    }

    private RevisionView view(Reader reader, UUID namespace, RevisionRow revision, List<ChangeRow> rows) {
        return new RevisionView(revision.number(), revision.kind(), revision.author(), revision.message(),
                revision.rolledBackTo(), revision.createdAt(),
                rows.stream().map(row -> change(reader, namespace, row)).toList());
    }

    /** The changes to restore: all of the revision's, or those of the keys asked for, each of which it must have changed. */
    private static List<ChangeRow> selected(List<ChangeRow> changes, List<String> keys, long number) {
        if (keys == null) {
            return changes;
        }
        Set<String> wanted = new LinkedHashSet<>(keys);
        for (String key : wanted) {
            if (changes.stream().noneMatch(change -> change.key().equals(key))) {
                throw new BadRequest("keys", "revision " + number + " did not change " + key);
            }
        }
        return changes.stream().filter(change -> wanted.contains(change.key())).toList();
    }

    private static void put(Map<Diff.Slot, EntryContent> state, Diff.Slot slot, EntryContent content) {
        if (content != null) {
            state.put(slot, content);
        }
    }

    private static String env(String layer) {
        return layer.isEmpty() ? null : layer;
    }

    private static long number(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new BadRequest("cursor", "is not a cursor this endpoint returned");
        }
    }

    private static void found(History history, String namespace) {
        if (history == null) {
            throw new NotFound("namespace", namespace);
        }
    }
}
