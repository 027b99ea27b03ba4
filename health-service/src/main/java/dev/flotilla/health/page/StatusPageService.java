package dev.flotilla.health.page;

import dev.flotilla.common.db.Db;
import dev.flotilla.common.db.SqlResults;
import dev.flotilla.common.error.Conflict;
import dev.flotilla.common.error.NotFound;
import dev.flotilla.common.request.Preconditions;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/** A tenant's status page settings, and the published page a slug names. */
@ApplicationScoped
public class StatusPageService {

    /** What a slug may be: {@link SaveStatusPage}'s rule, so that nothing else reaches the database. */
    private static final Pattern SLUG = Pattern.compile(SaveStatusPage.SLUG);

    private final Db db;
    private final Clock clock;

    public StatusPageService(Db db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public Uni<StatusPage> get(UUID tenant) {
        return StatusPageSql.find(db.pool(), tenant).map(page -> {
            if (page == null) {
                throw new NotFound("status page", tenant);
            }
            return page;
        });
    }

    /** Creates or replaces the tenant's page; a replacement honours {@code If-Match}. */
    public Uni<StatusPage> save(UUID tenant, String ifMatch, SaveStatusPage request) {
        List<String> groups = request.groups() == null ? List.of()
                : request.groups().stream().map(String::strip).distinct().toList();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return db.tx(tx -> StatusPageSql.findForUpdate(tx, tenant).chain(current -> {
            if (current == null) {
                return StatusPageSql.insert(tx, tenant, request, groups, now);
            }
            Preconditions.check(ifMatch, current.etag(), "status page");
            return StatusPageSql.update(tx, tenant, request, groups, now);
        })).onFailure(SqlResults::isUniqueViolation)
                .transform(e -> new Conflict("The status page address '" + request.slug() + "' is taken"));
    }

    public Uni<Void> delete(UUID tenant) {
        return StatusPageSql.delete(db.pool(), tenant).map(deleted -> {
            if (!deleted) {
                throw new NotFound("status page", tenant);
            }
            return null;
        });
    }

    /** The published page at {@code slug}; 404 when there is none (or it is not published). */
    public Uni<StatusPage> published(String slug) {
        if (slug == null || !SLUG.matcher(slug).matches()) {
            return Uni.createFrom().failure(new NotFound("status page", slug));
        }
        return StatusPageSql.published(db.pool(), slug).map(page -> {
            if (page == null) {
                throw new NotFound("status page", slug);
            }
            return page;
        });
    }
}
