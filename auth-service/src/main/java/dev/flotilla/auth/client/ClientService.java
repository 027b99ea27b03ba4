package dev.flotilla.auth.client;

import dev.flotilla.auth.audit.AuditLog;
import dev.flotilla.auth.audit.AuditType;
import dev.flotilla.auth.secret.Secrets;
import dev.flotilla.auth.tenant.TenantService;
import dev.flotilla.auth.token.AccessTokens;
import dev.flotilla.auth.web.Origin;
import dev.flotilla.common.error.NotFound;
import dev.flotilla.common.id.Ids;
import dev.flotilla.common.identity.Roles;
import dev.flotilla.common.paging.Cursor;
import dev.flotilla.common.paging.Page;
import dev.flotilla.common.paging.PageParams;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Service clients: creation (the secret is returned once), listing, secret rotation, deletion, and
 * authentication at the token endpoint. Their tokens carry the role {@code service}.
 */
@ApplicationScoped
public class ClientService {

    private final ServiceClientRepository clients;
    private final AccessTokens accessTokens;
    private final AuditLog audit;
    private final TenantService tenants;

    public ClientService(ServiceClientRepository clients, AccessTokens accessTokens, AuditLog audit, TenantService tenants) {
        this.clients = clients;
        this.accessTokens = accessTokens;
        this.audit = audit;
        this.tenants = tenants;
    }

    /** A client asked to act for a tenant it may not act for. */
    public static final class TenantRefused extends RuntimeException {
        TenantRefused(UUID tenant) {
            super("This client may act only for its own tenant, not for " + tenant, null, false, false);
        }
    }

    /** A client as listed; never its secret. */
    public record ClientView(UUID id, String clientId, String name, List<String> roles, Instant createdAt,
            Instant secretRotatedAt) {
        static ClientView of(ServiceClient c) {
            return new ClientView(c.id, c.clientId, c.name, c.roles, c.createdAt, c.secretRotatedAt);
        }
    }

    /** A client with its secret, answered once, at creation or rotation. */
    public record ClientWithSecret(UUID id, String clientId, String name, List<String> roles, Instant createdAt,
            Instant secretRotatedAt, String clientSecret) {
        static ClientWithSecret of(ServiceClient c, String secret) {
            return new ClientWithSecret(c.id, c.clientId, c.name, c.roles, c.createdAt, c.secretRotatedAt, secret);
        }
    }

    @WithTransaction
    public Uni<ClientWithSecret> create(UUID tenant, String actor, String name, Origin origin) {
        String secret = Secrets.generate();
        ServiceClient client = new ServiceClient();
        client.id = Ids.next();
        client.tenantId = tenant;
        client.clientId = "svc-" + Secrets.hex(12);
        client.name = name.trim();
        client.secretHash = Secrets.hash(secret);
        client.roles = List.of(Roles.SERVICE);
        client.createdAt = Instant.now();
        client.secretRotatedAt = client.createdAt;
        // Flushed here, so that a tenant unknown to the database is the caller's 404, not a failed commit.
        return clients.persistAndFlush(client)
                .onFailure(ServiceClientRepository::isUnknownTenant).transform(e -> new NotFound("tenant", tenant))
                .call(() -> audit.record(tenant, AuditType.CLIENT_CREATED, actor, client.clientId, origin,
                        Map.of("name", client.name)))
                .map(saved -> ClientWithSecret.of(client, secret));
    }

    /**
     * A client the platform's own services call as, provisioned from configuration at start-up:
     * created in {@code tenant} (the {@code default} one) with {@code clientId} as both id and name,
     * or given {@code secret} when it exists with another. Answers whether anything changed.
     */
    @WithTransaction
    public Uni<Boolean> provision(UUID tenant, String clientId, String secret) {
        return clients.findByClientId(clientId).chain(existing -> {
            if (existing == null) {
                ServiceClient client = new ServiceClient();
                client.id = Ids.next();
                client.tenantId = tenant;
                client.clientId = clientId;
                client.name = clientId;
                client.secretHash = Secrets.hash(secret);
                client.roles = List.of(Roles.SERVICE);
                client.createdAt = Instant.now();
                client.secretRotatedAt = client.createdAt;
                return clients.persist(client)
                        .call(() -> audit.record(tenant, AuditType.CLIENT_CREATED, "bootstrap", clientId, Origin.internal(),
                                Map.of("name", clientId)))
                        .replaceWith(true);
            }
            if (!existing.tenantId.equals(tenant)) {
                throw new IllegalStateException(
                        "Service client " + clientId + " belongs to another tenant than the platform's");
            }
            if (Secrets.matches(secret, existing.secretHash)) {
                return Uni.createFrom().item(false);
            }
            existing.secretHash = Secrets.hash(secret);
            existing.secretRotatedAt = Instant.now();
            return audit.record(tenant, AuditType.CLIENT_SECRET_ROTATED, "bootstrap", clientId, Origin.internal(), Map.of())
                    .replaceWith(true);
        });
    }

    @WithSession
    public Uni<Page<ClientView>> list(UUID tenant, PageParams page) {
        return clients.page(tenant, page)
                .map(rows -> Page.fromOverfetch(rows, page.limit(), c -> Cursor.of(c.id)).map(ClientView::of));
    }

    @WithSession
    public Uni<ClientView> get(UUID tenant, UUID id) {
        return clients.find(tenant, id).onItem().ifNull().failWith(() -> new NotFound("client", id)).map(ClientView::of);
    }

    /** Replaces the secret; the old one stops working at once. */
    @WithTransaction
    public Uni<ClientWithSecret> rotateSecret(UUID tenant, String actor, UUID id, Origin origin) {
        String secret = Secrets.generate();
        return clients.find(tenant, id).onItem().ifNull().failWith(() -> new NotFound("client", id))
                .invoke(client -> {
                    client.secretHash = Secrets.hash(secret);
                    client.secretRotatedAt = Instant.now();
                })
                .call(client -> audit.record(tenant, AuditType.CLIENT_SECRET_ROTATED, actor, client.clientId, origin, Map.of()))
                .map(client -> ClientWithSecret.of(client, secret));
    }

    @WithTransaction
    public Uni<Void> delete(UUID tenant, String actor, UUID id, Origin origin) {
        return clients.find(tenant, id).onItem().ifNull().failWith(() -> new NotFound("client", id))
                // Of concurrent deletes, each may have found the client; only the first one's statement
                // deletes it, the others find nothing left to delete and answer 404. (Removing the loaded
                // entity made them fail at flush with an OptimisticLockException instead.)
                .call(client -> clients.deleteIfPresent(tenant, id).invoke(deleted -> {
                    if (!deleted) {
                        throw new NotFound("client", id);
                    }
                }))
                .call(client -> audit.record(tenant, AuditType.CLIENT_DELETED, actor, client.clientId, origin,
                        Map.of("name", client.name)))
                .replaceWithVoid();
    }

    /** A client whose id and secret were checked. */
    public record AuthenticatedClient(String clientId, UUID tenantId, List<String> roles) {
    }

    /** The client with this id and secret, or null when the id is unknown or the secret wrong. */
    public Uni<AuthenticatedClient> authenticate(String clientId, String secret) {
        return clients.credentials(clientId).map(client -> {
            // Compare even for an unknown client, so the answer takes as long either way.
            boolean matches = Secrets.matches(secret, client == null ? Secrets.hash("") : client.secretHash());
            return client == null || !matches ? null
                    : new AuthenticatedClient(client.clientId(), client.tenantId(), client.roles());
        });
    }

    /**
     * The client_credentials grant: a token for the client, or null when the id or secret is wrong.
     * {@code actingFor} (the {@code tenant:<id>} scope) names the tenant the token is for: the
     * client's own, or any tenant for a client of the platform (whose services serve every tenant);
     * otherwise the grant fails with {@link TenantRefused}.
     */
    public Uni<AccessTokens.Issued> issueToken(String clientId, String secret, UUID actingFor) {
        return authenticate(clientId, secret).chain(client -> {
            if (client == null) {
                return Uni.createFrom().nullItem();
            }
            if (actingFor == null) {
                return Uni.createFrom().item(accessTokens.forClient(client.clientId(), client.tenantId(), client.roles()));
            }
            return tenants.mayActFor(client.tenantId(), actingFor).map(allowed -> {
                if (!allowed) {
                    throw new TenantRefused(actingFor);
                }
                return accessTokens.forClient(client.clientId(), actingFor, client.roles());
            });
        });
    }
}
