package dev.flotilla.health.result;

import dev.flotilla.common.db.Db;
import dev.flotilla.common.error.BadRequest;
import dev.flotilla.common.paging.Cursor;
import dev.flotilla.common.paging.Page;
import dev.flotilla.common.paging.PageParams;
import dev.flotilla.health.registry.TargetService;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/** Results of checks: recorded by the checker, read newest first by anyone who may read the target. */
@ApplicationScoped
public class ResultService {

    private final Db db;
    private final TargetService targets;

    public ResultService(Db db, TargetService targets) {
        this.db = db;
        this.targets = targets;
    }

    /** Records {@code result} inside {@code tx}. */
    public Uni<Void> record(SqlConnection tx, Result result) {
        return ResultSql.insert(tx, result);
    }

    /** The results of the target {@code id} the tenant may read, newest first; 404 for a target it may not. */
    public Uni<Page<Result>> list(UUID tenant, UUID id, PageParams page) {
        Cursor after = page.after();
        Instant beforeAt;
        UUID beforeId;
        try {
            beforeAt = after == null ? null : Instant.parse(after.key(0, 2));
            beforeId = after == null ? null : UUID.fromString(after.key(1, 2));
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw new BadRequest("cursor", "is not a cursor this endpoint returned");
        }
        return targets.get(tenant, id)
                .chain(target -> ResultSql.page(db.pool(), target.tenant(), id, beforeAt, beforeId, page.limit() + 1))
                .map(rows -> Page.fromOverfetch(rows, page.limit(), result -> Cursor.of(result.at(), result.id())));
    }
}
