package dev.flotilla.config.flag;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.flotilla.common.db.Db;
import dev.flotilla.common.error.BadRequest;
import dev.flotilla.common.error.NotFound;
import dev.flotilla.common.paging.Cursor;
import dev.flotilla.common.paging.Page;
import dev.flotilla.common.paging.PageParams;
import dev.flotilla.config.environment.EnvironmentService;
import dev.flotilla.config.targeting.FlagSpec;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.UncheckedIOException;
import java.util.UUID;

/**
 * The history of a flag in an environment: its revisions, newest first; how two of its states differ; and rollbacks,
 * which change the flag through {@link FlagService#apply} (preconditions, checks and a revision of their own) back to
 * exactly the definition one revision left, a deleted flag deleted.
 */
@ApplicationScoped
public class FlagRevisionService {

    private final Db db;
    private final FlagDocuments documents;
    private final FlagService flags;
    private final EnvironmentService environments;

    public FlagRevisionService(Db db, FlagDocuments documents, FlagService flags, EnvironmentService environments) {
        this.db = db;
        this.documents = documents;
        this.flags = flags;
        this.environments = environments;
    }

    /** Newest first; 404 for a flag that never had a revision in the environment. */
    public Uni<Page<FlagRevisionView>> list(UUID tenant, String environment, String key, PageParams page) {
        String env = scope(environment, key);
        long before = page.after() == null ? Long.MAX_VALUE : number(page.after().key(0, 1));
        return environments.require(tenant, env)
                .chain(() -> FlagRevisionSql.page(db.pool(), tenant, env, key, before, page.limit() + 1))
                .map(rows -> {
                    if (rows.isEmpty() && page.after() == null) {
                        throw new NotFound("flag", key + " in " + env);
                    }
                    return Page.fromOverfetch(rows.stream().map(row -> view(key, env, row)).toList(), page.limit(),
                            view -> Cursor.of(view.number()));
                });
    }

    public Uni<FlagRevisionView> get(UUID tenant, String environment, String key, long number) {
        String env = scope(environment, key);
        return revision(tenant, env, key, number).map(row -> view(key, env, row));
    }

    /**
     * How the definition differs from its state at revision {@code against} (default: the one before {@code number};
     * 0: before the first) to its state at revision {@code number}.
     */
    public Uni<FlagDiffView> diff(UUID tenant, String environment, String key, long number, Long against) {
        String env = scope(environment, key);
        long from = against == null ? number - 1 : against;
        if (from < 0) {
            throw new BadRequest("against", "is a revision number, or 0 for before the first");
        }
        return revision(tenant, env, key, number).chain(to -> {
            Uni<JsonNode> old = from == 0 ? Uni.createFrom().nullItem()
                    : revision(tenant, env, key, from).map(row -> tree(row.after()));
            return old.map(definition -> {
                JsonNode current = tree(to.after());
                return new FlagDiffView(key, env, from, number, definition, current,
                        FlagDiff.changedMembers(definition, current));
            });
        });
    }

    /**
     * A new revision giving the flag exactly the definition revision {@code number} left (deleting it when that
     * revision deleted it), with {@code ifMatch} the flag's current ETag when it exists; 409 when it already has it.
     */
    public Uni<FlagChanged> rollback(UUID tenant, String actor, String environment, String key, long number,
            String ifMatch, FlagRollback request) {
        String env = scope(environment, key);
        String message = request == null || request.message() == null || request.message().isBlank()
                ? "Rollback to revision " + number
                : request.message().strip();
        return revision(tenant, env, key, number).chain(row -> {
            FlagSpec definition = row.after() == null ? null : spec(row.after());
            return flags.apply(tenant, actor, FlagChange.rollback(key, env, definition, ifMatch, number, message));
        });
    }

    private Uni<FlagRevisionSql.StoredRevision> revision(UUID tenant, String env, String key, long number) {
        return environments.require(tenant, env)
                .chain(() -> FlagRevisionSql.find(db.pool(), tenant, env, key, number))
                .onItem().ifNull().failWith(() -> new NotFound("revision", number + " of flag " + key + " in " + env));
    }

    private static String scope(String environment, String key) {
        String env = FlagEnvironments.require("env", environment);
        FlagService.requireKey(key);
        return env;
    }

    private FlagRevisionView view(String key, String env, FlagRevisionSql.StoredRevision row) {
        return new FlagRevisionView(key, env, row.number(), row.kind(), row.author(), row.message(), row.rolledBackTo(),
                row.createdAt(), tree(row.before()), tree(row.after()));
    }

    private JsonNode tree(String definition) {
        try {
            return definition == null ? null : documents.json().readTree(definition);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private FlagSpec spec(String definition) {
        try {
            return documents.read(definition, FlagSpec.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("A stored revision of a flag does not read", e);
        }
    }

    private static long number(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new BadRequest("cursor", "is not a cursor this endpoint returned");
        }
    }
}
