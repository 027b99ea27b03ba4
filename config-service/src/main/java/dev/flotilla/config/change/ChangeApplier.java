package dev.flotilla.config.change;

import dev.flotilla.common.error.ProblemException;
import dev.flotilla.config.entry.ChangeSet;
import dev.flotilla.config.entry.EntryChange;
import dev.flotilla.config.entry.EntryChanges;
import dev.flotilla.config.entry.EntryCodec;
import dev.flotilla.config.entry.EntryContent;
import dev.flotilla.config.entry.Precondition;
import dev.flotilla.config.entry.StoredState;
import dev.flotilla.config.flag.FlagChange;
import dev.flotilla.config.flag.FlagService;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies an approved change request in the transaction that holds its row locked: all of its changes, entries through
 * {@link EntryChanges#apply} as one revision, flags through {@link FlagService#apply}. When one of them no longer applies
 * (an entry or flag changed since the request was opened, a segment is gone), everything it wrote is undone to a
 * savepoint and the request is FAILED with the reason, in the same transaction.
 */
@ApplicationScoped
class ChangeApplier {

    private final EntryChanges entries;
    private final EntryCodec codec;
    private final FlagService flags;

    ChangeApplier(EntryChanges entries, EntryCodec codec, FlagService flags) {
        this.entries = entries;
        this.codec = codec;
        this.flags = flags;
    }

    /** {@code reviewer}: the admin approving it now, or null when a scheduled request falls due. */
    Uni<State> apply(SqlConnection tx, ChangeRequestRow request, String reviewer, Instant now) {
        return ChangeRequestSql.savepoint(tx)
                .chain(() -> (request.kind() == Kind.ENTRIES ? entries(tx, request) : flags(tx, request))
                        .map(Outcome::applied)
                        .onFailure(ProblemException.class)
                        .recoverWithUni(failure -> ChangeRequestSql.undo(tx).replaceWith(Outcome.failed(failure.getMessage()))))
                .call(outcome -> ChangeRequestSql.finish(tx, request.tenant(), request.id(), outcome.state(), reviewer, now,
                        outcome.reason(), outcome.revision()))
                .map(Outcome::state);
    }

    private Uni<Long> entries(SqlConnection tx, ChangeRequestRow request) {
        List<EntryChange> changes = new ArrayList<>();
        for (StoredChange change : request.changes()) {
            EntryContent content = change.delete() ? null
                    : codec.open(request.tenant(), request.namespaceId(), change.key(), change.env(),
                            StoredState.fromJson(change.state().toString()));
            Precondition expected = new Precondition(change.expected(), change.expected() == null ? "*" : null, true);
            changes.add(new EntryChange(change.key(), change.env(), expected, content, false));
        }
        ChangeSet set = new ChangeSet(request.author(), revisionMessage(request), null, changes);
        return entries.apply(tx, request.tenant(), request.namespace(), set).map(revision -> revision.number());
    }

    /** The version of the last flag written; null when the request only deletes. */
    private Uni<Long> flags(SqlConnection tx, ChangeRequestRow request) {
        Uni<Long> steps = Uni.createFrom().nullItem();
        for (StoredChange change : request.changes()) {
            FlagChange flag = change.delete() ? FlagChange.delete(change.key(), request.environment(), change.expected())
                    : FlagChange.put(change.key(), request.environment(), change.definition(), change.expected(),
                            change.expected() == null ? "*" : null);
            steps = steps.chain(last -> flags.apply(tx, request.tenant(), request.author(), flag)
                    .map(changed -> changed.after() == null ? last : Long.valueOf(changed.after().version())));
        }
        return steps;
    }

    private static String revisionMessage(ChangeRequestRow request) {
        return "Change request " + request.id() + (request.message() == null ? "" : ": " + request.message());
    }

    private record Outcome(State state, String reason, Long revision) {

        static Outcome applied(Long revision) {
            return new Outcome(State.APPLIED, null, revision);
        }

        static Outcome failed(String reason) {
            return new Outcome(State.FAILED, reason, null);
        }
    }
}
