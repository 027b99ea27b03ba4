package dev.flotilla.notification.webhook;

import dev.flotilla.common.audit.AuditTrail;
import dev.flotilla.common.db.Db;
import dev.flotilla.common.error.BadRequest;
import dev.flotilla.common.error.NotFound;
import dev.flotilla.common.id.Ids;
import dev.flotilla.common.outbound.AddressRefused;
import dev.flotilla.common.outbound.OutboundUrls;
import dev.flotilla.common.paging.Cursor;
import dev.flotilla.common.paging.Page;
import dev.flotilla.common.paging.PageParams;
import dev.flotilla.notification.event.EventTypes;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Webhook endpoints of a tenant: create (the secret answered once), list, read, update, enable, disable, rotate the
 * secret, delete. Every URL is checked against the SSRF guard before it is stored; deliveries check it again.
 */
@ApplicationScoped
public class EndpointService {

    static final int MAX_PATTERNS = 50;
    static final int MAX_DESCRIPTION = 500;

    private final Db db;
    private final AuditTrail audit;
    private final WebhookAddresses addresses;
    private final WebhookConfig config;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public EndpointService(Db db, AuditTrail audit, WebhookAddresses addresses, WebhookConfig config, Clock clock) {
        this.db = db;
        this.audit = audit;
        this.addresses = addresses;
        this.config = config;
        this.clock = clock;
    }

    public Uni<EndpointView> create(UUID tenant, String createdBy, CreateEndpoint request) {
        String url = request.url().strip();
        List<String> patterns = patterns(request.eventTypes() == null ? List.of("*") : request.eventTypes());
        String secret = WebhookSigner.newSecret(random);
        return checked(url).chain(() -> {
            Instant now = now();
            return db.tx(tx -> EndpointSql
                    .insert(tx, Ids.next(), tenant, url, description(request.description()), patterns, secret, createdBy, now)
                    .call(endpoint -> audited(tx, endpoint, "created", createdBy)))
                    .map(endpoint -> EndpointView.of(endpoint, now, secret));
        });
    }

    public Uni<Page<EndpointView>> list(UUID tenant, PageParams page) {
        Cursor after = page.after();
        return EndpointSql.page(db.pool(), tenant, after, page.limit() + 1).map(rows -> {
            Instant now = now();
            return Page.fromOverfetch(rows, page.limit(), endpoint -> Cursor.of(endpoint.id()))
                    .map(endpoint -> EndpointView.of(endpoint, now, null));
        });
    }

    public Uni<EndpointView> get(UUID tenant, UUID id) {
        return EndpointSql.find(db.pool(), tenant, id).map(endpoint -> view(endpoint, id, null));
    }

    public Uni<EndpointView> update(UUID tenant, UUID id, String by, UpdateEndpoint request) {
        String url = request.url() == null ? null : request.url().strip();
        List<String> patterns = request.eventTypes() == null ? null : patterns(request.eventTypes());
        String description = request.description() == null ? null : request.description().strip();
        Uni<Void> check = url == null ? Uni.createFrom().voidItem() : checked(url);
        return check.chain(() -> db.tx(tx -> EndpointSql.update(tx, tenant, id, url, patterns, description, now())
                .call(endpoint -> audited(tx, endpoint, "updated", by))))
                .map(endpoint -> view(endpoint, id, null));
    }

    /** Disables the endpoint at its owner's request; its pending deliveries are skipped. Disabled already: as it is. */
    public Uni<EndpointView> disable(UUID tenant, UUID id, String by) {
        return db.tx(tx -> EndpointSql.disable(tx, tenant, id, "disabled by " + by, now())
                .call(endpoint -> audited(tx, endpoint, "disabled", by)))
                .chain(endpoint -> endpoint != null ? Uni.createFrom().item(endpoint) : EndpointSql.find(db.pool(), tenant, id))
                .map(endpoint -> view(endpoint, id, null));
    }

    /**
     * Disables the endpoint inside {@code tx} for a reason found while delivering (it answered 410, it has failed for too
     * long), skipping its pending deliveries; answers the endpoint, or null when it was disabled already.
     */
    public Uni<Endpoint> disable(SqlConnection tx, UUID tenant, UUID id, String reason, Instant now) {
        return EndpointSql.disable(tx, tenant, id, reason, now).call(endpoint -> audited(tx, endpoint, "disabled", null));
    }

    /** Enables the endpoint again, clearing the reason it was disabled for and its run of failures. */
    public Uni<EndpointView> enable(UUID tenant, UUID id, String by) {
        return db.tx(tx -> EndpointSql.enable(tx, tenant, id, now()).call(endpoint -> audited(tx, endpoint, "enabled", by)))
                .map(endpoint -> view(endpoint, id, null));
    }

    /**
     * Gives the endpoint a new secret, answered once; the old one keeps signing beside it for the overlap, so receivers
     * can switch without losing a delivery.
     */
    public Uni<EndpointView> rotateSecret(UUID tenant, UUID id, String by, RotateSecret request) {
        Duration overlap = request == null || request.overlap() == null ? config.rotationOverlap() : request.overlap();
        if (overlap.isNegative() || overlap.compareTo(config.maxRotationOverlap()) > 0) {
            throw new BadRequest("overlap", "must be between PT0S and " + config.maxRotationOverlap());
        }
        String secret = WebhookSigner.newSecret(random);
        Instant now = now();
        Instant previousExpiresAt = overlap.isZero() ? null : now.plus(overlap).truncatedTo(ChronoUnit.MICROS);
        return db.tx(tx -> EndpointSql.rotate(tx, tenant, id, secret, previousExpiresAt, now)
                .call(endpoint -> audited(tx, endpoint, "secret-rotated", by)))
                .map(endpoint -> view(endpoint, id, secret));
    }

    /** Deletes the endpoint with its delivery log. */
    public Uni<Void> delete(UUID tenant, UUID id, String by) {
        return db.tx(tx -> EndpointSql.delete(tx, tenant, id).call(deleted -> audited(tx, deleted, "deleted", by)))
                .map(deleted -> {
                    if (deleted == null) {
                        throw new NotFound("webhook endpoint", id);
                    }
                    return null;
                });
    }

    /**
     * The change {@code what} ({@code created}, {@code secret-rotated}, ...) of {@code endpoint} by {@code by} (null: the
     * service itself) for the audit trail, when there was an endpoint to change. Never the secret.
     */
    private Uni<Void> audited(SqlConnection tx, Endpoint endpoint, String what, String by) {
        if (endpoint == null) {
            return Uni.createFrom().voidItem();
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("url", endpoint.url());
        detail.put("eventTypes", endpoint.eventTypes());
        if (!endpoint.enabled() && endpoint.disabledReason() != null) {
            detail.put("reason", endpoint.disabledReason());
        }
        return audit.record(tx, endpoint.tenant(), "notification.webhook-endpoint." + what, by, endpoint.id().toString(),
                detail);
    }

    /** Whether {@code url} is well-formed and resolves to an address the guard permits; a 400 naming {@code url} if not. */
    private Uni<Void> checked(String url) {
        OutboundUrls.Target target;
        try {
            target = OutboundUrls.parse(url);
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().failure(new BadRequest("url", e.getMessage()));
        }
        return addresses.resolve(target.host())
                .onFailure(AddressRefused.class).transform(e -> new BadRequest("url", "is refused: " + e.getMessage()))
                .onFailure(UnknownHostException.class)
                .transform(e -> new BadRequest("url", "names host " + target.host() + ", which does not resolve"))
                .replaceWithVoid();
    }

    private EndpointView view(Endpoint endpoint, UUID id, String secret) {
        if (endpoint == null) {
            throw new NotFound("webhook endpoint", id);
        }
        return EndpointView.of(endpoint, now(), secret);
    }

    /** The patterns, each checked, without repeats, in order. */
    private static List<String> patterns(List<String> requested) {
        TreeSet<String> patterns = new TreeSet<>();
        for (int i = 0; i < requested.size(); i++) {
            String pattern = requested.get(i).strip();
            if (!EventTypes.isPattern(pattern)) {
                throw new BadRequest("eventTypes[" + i + "]", "'" + pattern
                        + "' is not an event type pattern: a type (task.failed), a prefix and .* (task.*), or *");
            }
            patterns.add(pattern);
        }
        return List.copyOf(patterns);
    }

    private static String description(String description) {
        return description == null || description.isBlank() ? null : description.strip();
    }

    /** Microsecond precision, as PostgreSQL stores it, so that what is answered is what is stored. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
