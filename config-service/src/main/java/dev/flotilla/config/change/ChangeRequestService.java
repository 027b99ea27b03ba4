package dev.flotilla.config.change;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flotilla.common.db.Db;
import dev.flotilla.common.error.BadRequest;
import dev.flotilla.common.error.Conflict;
import dev.flotilla.common.error.NotFound;
import dev.flotilla.common.error.PreconditionFailed;
import dev.flotilla.common.error.Problem;
import dev.flotilla.common.error.ProblemException;
import dev.flotilla.common.error.ProblemType;
import dev.flotilla.common.id.Ids;
import dev.flotilla.common.paging.Cursor;
import dev.flotilla.common.paging.Page;
import dev.flotilla.common.paging.PageParams;
import dev.flotilla.common.request.Preconditions;
import dev.flotilla.config.entry.EntryCodec;
import dev.flotilla.config.entry.EntryContent;
import dev.flotilla.config.entry.EntryJson;
import dev.flotilla.config.entry.EntryKeys;
import dev.flotilla.config.entry.EntryService;
import dev.flotilla.config.entry.PutEntry;
import dev.flotilla.config.entry.Reader;
import dev.flotilla.config.entry.StoredState;
import dev.flotilla.config.entry.Unprocessable;
import dev.flotilla.config.environment.EnvironmentService;
import dev.flotilla.config.flag.FlagEnvironments;
import dev.flotilla.config.flag.FlagService;
import dev.flotilla.config.flag.FlagView;
import dev.flotilla.config.namespace.NamespaceSql;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Change requests: changes of entries or flags proposed together, checked when they are proposed (as a direct write
 * checks them), approved by an admin other than their author and then applied together, at once or at {@code applyAt}.
 * Each change remembers the {@code ETag} its entry or flag had when the request was opened, so a request applies only to
 * what its approver saw: if one changed since, the request fails and writes nothing.
 */
@ApplicationScoped
public class ChangeRequestService {

    private final Db db;
    private final ChangeDocuments documents;
    private final ChangeApplier applier;
    private final EntryService entries;
    private final EntryCodec codec;
    private final EnvironmentService environments;
    private final FlagService flags;

    ChangeRequestService(Db db, ChangeDocuments documents, ChangeApplier applier, EntryService entries, EntryCodec codec,
            EnvironmentService environments, FlagService flags) {
        this.db = db;
        this.documents = documents;
        this.applier = applier;
        this.entries = entries;
        this.codec = codec;
        this.environments = environments;
        this.flags = flags;
    }

    /** The request, OPEN; 400 or 422 naming the change that cannot be made, 412 when an {@code ifMatch} is stale. */
    Uni<ChangeRequestView> open(Actor actor, OpenChangeRequest request) {
        Kind kind = Kind.parse("kind", request.kind());
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        if (request.applyAt() != null && request.applyAt().isBefore(now)) {
            throw new Unprocessable("applyAt", "is in the past; leave it out to apply the changes when approved");
        }
        String message = request.message() == null || request.message().isBlank() ? null : request.message().strip();
        Uni<ChangeRequestRow> row = kind == Kind.ENTRIES ? entries(actor, request, message, now)
                : flags(actor, request, message, now);
        return row
                .call(opened -> db.statement(pool -> ChangeRequestSql.insert(pool, opened, documents.write(opened.changes()))))
                .map(opened -> view(actor.reader(), opened));
    }

    Uni<ChangeRequestView> get(Actor actor, UUID id) {
        return ChangeRequestSql.find(db.pool(), actor.tenant(), id, documents)
                .map(row -> view(actor.reader(), found(row, id)));
    }

    /** Newest first; {@code state}, {@code namespace} and {@code environment} keep only the requests that have them. */
    Uni<Page<ChangeRequestView>> list(Actor actor, String state, String namespace, String environment, PageParams page) {
        State wanted = state == null || state.isEmpty() ? null : State.parse("state", state);
        UUID before = page.after() == null ? null : page.after().id();
        return ChangeRequestSql.page(db.pool(), actor.tenant(), wanted, blankToNull(namespace), blankToNull(environment),
                before, page.limit() + 1, documents)
                .map(rows -> Page.fromOverfetch(rows.stream().map(row -> view(actor.reader(), row)).toList(), page.limit(),
                        view -> Cursor.of(view.id())));
    }

    /**
     * Approves an OPEN request (an admin, never its author): applied at once, or SCHEDULED when its {@code applyAt} is
     * still to come. The answer is the request as it is then: APPLIED with its revision, FAILED with the reason, or
     * SCHEDULED.
     */
    Uni<ChangeRequestView> approve(Actor actor, UUID id) {
        return db.tx(tx -> ChangeRequestSql.lock(tx, actor.tenant(), id, documents).chain(row -> {
            ChangeRequestRow request = found(row, id);
            if (request.state() != State.OPEN) {
                throw new Conflict("The change request is " + request.state() + "; only an OPEN one can be approved");
            }
            if (request.author().equals(actor.subject())) {
                throw new ProblemException(ProblemType.FORBIDDEN,
                        "You opened this change request; another admin must approve it");
            }
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            if (request.applyAt() != null && request.applyAt().isAfter(now)) {
                return ChangeRequestSql.review(tx, actor.tenant(), id, State.SCHEDULED, actor.subject(), now, null);
            }
            return applier.apply(tx, request, actor.subject(), now).replaceWithVoid();
        })).chain(() -> get(actor, id));
    }

    /** Rejects a request that is OPEN or SCHEDULED (an admin; {@code reason} for the author). */
    Uni<ChangeRequestView> reject(Actor actor, UUID id, RejectChangeRequest request) {
        String reason = request == null || request.reason() == null || request.reason().isBlank() ? null
                : request.reason().strip();
        return close(actor, id, State.REJECTED, reason, row -> {
        });
    }

    /** Withdraws a request that is OPEN or SCHEDULED; only its author may. */
    Uni<ChangeRequestView> cancel(Actor actor, UUID id) {
        return close(actor, id, State.CANCELLED, null, row -> {
            if (!row.author().equals(actor.subject())) {
                throw new ProblemException(ProblemType.FORBIDDEN,
                        "Only the author of a change request cancels it; an admin may reject it");
            }
        });
    }

    private Uni<ChangeRequestView> close(Actor actor, UUID id, State state, String reason,
            Consumer<ChangeRequestRow> allowed) {
        return db.tx(tx -> ChangeRequestSql.lock(tx, actor.tenant(), id, documents).chain(row -> {
            ChangeRequestRow request = found(row, id);
            allowed.accept(request);
            if (!request.state().pending()) {
                throw new Conflict("The change request is " + request.state() + " already");
            }
            return ChangeRequestSql.review(tx, actor.tenant(), id, state, actor.subject(),
                    Instant.now().truncatedTo(ChronoUnit.MICROS), reason);
        })).chain(() -> get(actor, id));
    }

    private Uni<ChangeRequestRow> entries(Actor actor, OpenChangeRequest request, String message, Instant now) {
        if (request.namespace() == null || request.namespace().isEmpty()) {
            throw new BadRequest("namespace", "is required for changes of entries");
        }
        if (request.environment() != null) {
            throw new BadRequest("environment", "is for changes of flags; each change of an entry names its env");
        }
        String namespace = request.namespace();
        List<Proposed> proposed = new ArrayList<>();
        Set<String> slots = new HashSet<>();
        for (int i = 0; i < request.changes().size(); i++) {
            ProposedChange change = request.changes().get(i);
            int at = i;
            proposed.add(at(i, () -> {
                String key = EntryKeys.requireKey("key", change.key());
                String layer = EntryKeys.layer(change.env());
                if (!slots.add(key + "\n" + layer)) {
                    throw new Unprocessable("key", "is changed twice in this request");
                }
                if (change.definition() != null) {
                    throw new BadRequest("definition", "is for changes of flags");
                }
                if (change.deletes()) {
                    requireAbsent(change.value(), change.type(), change.schema(), change.secret(), change.description());
                    return new Proposed(at, key, layer, null, true, change.ifMatch());
                }
                EntryContent content = EntryService.content(new PutEntry(change.value(), change.type(), change.schema(),
                        change.description(), change.secret(), null));
                return new Proposed(at, key, layer, content, false, change.ifMatch());
            }));
        }
        return NamespaceSql.approval(db.pool(), actor.tenant(), namespace).chain(ns -> {
            if (ns == null) {
                return Uni.createFrom().failure(new NotFound("namespace", namespace));
            }
            Uni<List<StoredChange>> stored = Uni.createFrom().item(new ArrayList<>());
            for (String layer : proposed.stream().map(Proposed::layer).filter(l -> !l.isEmpty()).distinct().toList()) {
                stored = stored.call(() -> environments.require(actor.tenant(), layer));
            }
            for (Proposed change : proposed) {
                stored = stored.call(list -> currentEntry(actor.tenant(), namespace, change).invoke(current -> {
                    String expected = at(change.index(), () -> expected(change, current));
                    JsonNode state = change.content() == null ? null
                            : EntryJson
                                    .read(codec.store(actor.tenant(), ns.id(), change.key(), change.layer(), change.content())
                                            .toJson());
                    list.add(new StoredChange(change.key(), change.layer(), change.deletes(), state, null, expected));
                }));
            }
            return stored.map(changes -> new ChangeRequestRow(Ids.next(), actor.tenant(), Kind.ENTRIES, ns.id(), namespace,
                    null, State.OPEN, actor.subject(), message, changes, request.applyAt(), now, null, null, null, null,
                    null));
        });
    }

    private Uni<ChangeRequestRow> flags(Actor actor, OpenChangeRequest request, String message, Instant now) {
        if (!actor.admin()) {
            throw new ProblemException(ProblemType.FORBIDDEN,
                    "Only admins change flags, so only admins open change requests of flags");
        }
        if (request.namespace() != null) {
            throw new BadRequest("namespace", "is for changes of entries; changes of flags name their environment");
        }
        String env = FlagEnvironments.require("environment", request.environment());
        List<Proposed> proposed = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < request.changes().size(); i++) {
            ProposedChange change = request.changes().get(i);
            int at = i;
            proposed.add(at(i, () -> {
                FlagService.requireKey(change.key());
                if (!keys.add(change.key())) {
                    throw new Unprocessable("key", "is changed twice in this request");
                }
                if (change.env() != null && !change.env().equals(env)) {
                    throw new BadRequest("env", "must be the request's environment, " + env);
                }
                requireAbsent(change.value(), change.type(), change.schema(), change.secret(), change.description());
                if (change.deletes()) {
                    if (change.definition() != null) {
                        throw new BadRequest("definition", "must be absent when the change deletes the flag");
                    }
                } else if (change.definition() == null) {
                    throw new BadRequest("definition", "is required unless the change deletes the flag");
                } else {
                    FlagService.check(change.key(), change.definition());
                }
                return new Proposed(at, change.key(), env, null, change.deletes(), change.ifMatch());
            }));
        }
        Uni<List<StoredChange>> stored = Uni.createFrom().item(new ArrayList<>());
        for (int i = 0; i < proposed.size(); i++) {
            Proposed change = proposed.get(i);
            ProposedChange body = request.changes().get(i);
            stored = stored.call(list -> currentFlag(actor.tenant(), env, change.key()).invoke(current -> {
                String expected = at(change.index(), () -> expected(change, current));
                list.add(new StoredChange(change.key(), env, change.deletes(), null, body.definition(), expected));
            }));
        }
        return stored.map(changes -> new ChangeRequestRow(Ids.next(), actor.tenant(), Kind.FLAGS, null, null, env, State.OPEN,
                actor.subject(), message, changes, request.applyAt(), now, null, null, null, null, null));
    }

    /** The ETag of the entry of exactly that layer, or null when it has none. */
    private Uni<String> currentEntry(UUID tenant, String namespace, Proposed change) {
        return entries.get(new Reader(tenant, false), namespace, change.key(), change.layer())
                .map(read -> read.body().inherited() ? null : read.body().etag())
                .onFailure(NotFound.class).recoverWithNull();
    }

    private Uni<String> currentFlag(UUID tenant, String env, String key) {
        return flags.get(tenant, env, key).map(FlagView::etag).onFailure(NotFound.class).recoverWithNull();
    }

    /** What the entry or flag must still be when the request is applied: its ETag now, null for absent. */
    private static String expected(Proposed change, String current) {
        if (change.ifMatch() != null && !change.ifMatch().isBlank()) {
            if (current == null) {
                throw new PreconditionFailed("There is no " + change.key() + " for If-Match " + change.ifMatch() + " to name");
            }
            Preconditions.check(change.ifMatch(), current, change.key());
        }
        if (change.deletes() && current == null) {
            throw new Unprocessable("key", "there is no " + change.key() + " to delete");
        }
        return current;
    }

    private static void requireAbsent(JsonNode value, String type, JsonNode schema, Boolean secret, String description) {
        if (value != null || type != null || schema != null || secret != null || description != null) {
            throw new BadRequest("delete", "a change that deletes carries no value, type, schema, secret or description");
        }
    }

    /** {@code check} of the change at {@code index}: a problem it raises names its fields within {@code changes[index]}. */
    private static <T> T at(int index, Supplier<T> check) {
        try {
            return check.get();
        } catch (ProblemException e) {
            String prefix = "changes[" + index + "]";
            if (e.errors().isEmpty()) {
                throw new ProblemException(e.type(), prefix + ": " + e.getMessage());
            }
            List<Problem.FieldError> errors = e.errors().stream()
                    .map(error -> new Problem.FieldError(prefix + "." + error.field(), error.message())).toList();
            throw new ProblemException(e.type(),
                    errors.stream().map(error -> error.field() + ": " + error.message()).collect(Collectors.joining("; ")),
                    errors);
        }
    }

    private ChangeRequestView view(Reader reader, ChangeRequestRow row) {
        List<ProposedChangeView> changes = row.changes().stream().map(change -> new ProposedChangeView(change.key(),
                change.env().isEmpty() ? null : change.env(), change.delete() ? "delete" : "put",
                change.state() == null ? null
                        : codec.view(reader.reveal(), row.tenant(), row.namespaceId(), change.key(), change.env(),
                                StoredState.fromJson(change.state().toString())),
                change.definition(), change.expected())).toList();
        return new ChangeRequestView(row.id(), row.kind().wire(), row.namespace(), row.environment(), row.state().name(),
                row.author(), row.message(), changes, row.applyAt(), row.createdAt(), row.reviewedBy(), row.reviewedAt(),
                row.reason(), row.appliedAt(), row.revision());
    }

    private static ChangeRequestRow found(ChangeRequestRow row, UUID id) {
        if (row == null) {
            throw new NotFound("change request", id);
        }
        return row;
    }

    private static String blankToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }

    /** A change checked, before it is compared with the entry or flag as it is now. */
    private record Proposed(int index, String key, String layer, EntryContent content, boolean deletes, String ifMatch) {
    }
}
