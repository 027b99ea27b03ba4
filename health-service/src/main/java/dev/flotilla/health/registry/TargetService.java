package dev.flotilla.health.registry;

import dev.flotilla.common.db.Db;
import dev.flotilla.common.db.SqlResults;
import dev.flotilla.common.error.BadRequest;
import dev.flotilla.common.error.Conflict;
import dev.flotilla.common.error.NotFound;
import dev.flotilla.common.id.Ids;
import dev.flotilla.common.paging.Cursor;
import dev.flotilla.common.paging.Page;
import dev.flotilla.common.paging.PageParams;
import dev.flotilla.common.request.Preconditions;
import dev.flotilla.health.heartbeat.HeartbeatService;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Targets through the API: a tenant creates, changes and deletes its own, and reads its own and the platform's.
 * Targets of the targets file or the suite's settings are read-only here (409): the next start would undo a change.
 * A push target gets its heartbeat token when it is made, and a new one when the token is rotated (also a push target
 * of the file, which has no other way to get one).
 */
@ApplicationScoped
public class TargetService {

    private final Db db;
    private final TargetRules rules;
    private final TargetAddresses addresses;
    private final HeartbeatService heartbeats;
    private final Clock clock;

    public TargetService(Db db, TargetRules rules, TargetAddresses addresses, HeartbeatService heartbeats, Clock clock) {
        this.db = db;
        this.rules = rules;
        this.addresses = addresses;
        this.heartbeats = heartbeats;
        this.clock = clock;
    }

    /** Creates the target; a push target's answer carries its heartbeat token, the one time it is shown. */
    public Uni<Issued> create(UUID tenant, CreateTarget request) {
        TargetSpec spec = rules.spec(request);
        return reachable(spec).chain(() -> db.tx(tx -> TargetSql.insert(tx, tenant, Ids.next(), spec, TargetSource.API, now())
                .chain(target -> target.kind() == TargetKind.PUSH
                        ? heartbeats.issue(tx, tenant, target.id()).map(token -> new Issued(target, token))
                        : Uni.createFrom().item(new Issued(target, null)))))
                .onFailure(SqlResults::isUniqueViolation).transform(e -> taken(spec.name()));
    }

    /** A new heartbeat token for the tenant's push target {@code id}; the one before stops working at once. */
    public Uni<Issued> rotateHeartbeatToken(UUID tenant, UUID id) {
        return db.tx(tx -> TargetSql.findForUpdate(tx, tenant, id).chain(target -> {
            found(target, id);
            if (target.kind() != TargetKind.PUSH || !target.tenant().equals(tenant)) {
                throw new Conflict("Target " + id + " is not a push target: it has no heartbeat token");
            }
            return heartbeats.issue(tx, tenant, id).map(token -> new Issued(target, token));
        }));
    }

    public Uni<Page<Target>> list(UUID tenant, PageParams page) {
        Cursor after = page.after();
        UUID afterTenant;
        UUID afterId;
        try {
            afterTenant = after == null ? null : UUID.fromString(after.key(0, 2));
            afterId = after == null ? null : UUID.fromString(after.key(1, 2));
        } catch (IllegalArgumentException e) {
            throw new BadRequest("cursor", "is not a cursor this endpoint returned");
        }
        return TargetSql.page(db.pool(), tenant, afterTenant, afterId, page.limit() + 1)
                .map(rows -> Page.fromOverfetch(rows, page.limit(), target -> Cursor.of(target.tenant(), target.id())));
    }

    /** The tenant's or the platform's target {@code id}; 404 when it is neither. */
    public Uni<Target> get(UUID tenant, UUID id) {
        return TargetSql.find(db.pool(), tenant, id).map(target -> found(target, id));
    }

    public Uni<Target> update(UUID tenant, UUID id, String ifMatch, UpdateTarget change) {
        return db.tx(tx -> changeable(tx, tenant, id, ifMatch).chain(current -> {
            TargetSpec spec = rules.spec(change.applyTo(current.spec()));
            if ((current.kind() == TargetKind.PUSH) != (spec.kind() == TargetKind.PUSH)) {
                // A push target is watched through its token, a probed one through its URL: neither becomes the other.
                throw new BadRequest("kind", "cannot change to or from push; create a new target instead");
            }
            return reachable(spec).chain(() -> TargetSql.update(tx, tenant, id, spec, now()));
        })).onFailure(SqlResults::isUniqueViolation).transform(e -> taken(change.name()));
    }

    /** Deletes the target with its results. */
    public Uni<Void> delete(UUID tenant, UUID id, String ifMatch) {
        return db.tx(tx -> changeable(tx, tenant, id, ifMatch).chain(() -> TargetSql.delete(tx, tenant, id)));
    }

    /** The target, locked, if the tenant may change it and {@code ifMatch} allows. */
    private Uni<Target> changeable(SqlConnection tx, UUID tenant, UUID id, String ifMatch) {
        return TargetSql.findForUpdate(tx, tenant, id).map(target -> {
            found(target, id);
            if (target.source() != TargetSource.API) {
                throw new Conflict("Target " + id + " is defined by " + (target.source() == TargetSource.FILE
                        ? "the targets file"
                        : "the suite's settings") + "; change it there");
            }
            Preconditions.check(ifMatch, target.etag(), "target");
            return target;
        });
    }

    /** Nothing when the target's host may be reached (a push target has none); a 400 naming {@code url} when not. */
    private Uni<Void> reachable(TargetSpec spec) {
        if (spec.kind() == TargetKind.PUSH) {
            return Uni.createFrom().voidItem();
        }
        return addresses.check(TargetSource.API, TargetUrls.parse(spec.kind(), spec.url()).host());
    }

    private static Target found(Target target, UUID id) {
        if (target == null) {
            throw new NotFound("target", id);
        }
        return target;
    }

    private static Conflict taken(String name) {
        return new Conflict("A target named '" + name + "' exists already");
    }

    /** Microsecond precision, as PostgreSQL stores it, so that what is answered is what is stored. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** A target with the heartbeat token just issued to it, or null when none was. */
    public record Issued(Target target, String heartbeatToken) {
    }
}
