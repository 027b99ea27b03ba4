package dev.flotilla.auth.tenant;

import dev.flotilla.auth.secret.Secrets;
import dev.flotilla.common.error.ProblemException;
import dev.flotilla.common.error.ProblemType;
import dev.flotilla.common.id.Ids;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.UUID;

/**
 * Tenants: their creation (the slug derived from the name and made unique; the {@code default}
 * tenant once, on the first start), the look-ups other concerns need, and the check that a caller
 * administers the platform (an admin of {@code default}). Every method but the check joins the
 * caller's session or transaction.
 */
@ApplicationScoped
public class TenantService {

    private final TenantRepository tenants;

    public TenantService(TenantRepository tenants) {
        this.tenants = tenants;
    }

    /** The tenant whose slug users type at login; null when there is none. */
    public Uni<Tenant> findBySlug(String slug) {
        return tenants.findBySlug(slug);
    }

    /**
     * Whether a service client of {@code clientTenant} may act for {@code target}: its own tenant
     * always; any existing tenant when it is a client of the platform (the {@code default} tenant).
     */
    @WithSession
    public Uni<Boolean> mayActFor(UUID clientTenant, UUID target) {
        if (clientTenant.equals(target)) {
            return Uni.createFrom().item(true);
        }
        return isPlatform(clientTenant).chain(platform -> platform
                ? tenants.findById(target).map(found -> found != null)
                : Uni.createFrom().item(false));
    }

    /** Whether the tenant is the {@code default} one, whose administrators run the platform. */
    public Uni<Boolean> isPlatform(UUID tenant) {
        return tenants.findById(tenant).map(found -> found != null && Tenant.DEFAULT_SLUG.equals(found.slug));
    }

    /**
     * Locks the tenant row for the rest of the transaction: changes that must keep an invariant of
     * the whole tenant (it always has an administrator) run one at a time.
     */
    public Uni<Void> lock(UUID tenant) {
        return tenants.lock(tenant).replaceWithVoid();
    }

    /** A new tenant named {@code name}, with a slug derived from the name and made unique. */
    public Uni<Tenant> createNamed(String name) {
        return freeSlug(Slugs.of(name)).chain(slug -> create(slug, name.trim()));
    }

    /**
     * On the first start with an empty database: the {@code default} tenant; null when tenants exist.
     * Replicas starting together are serialised by an advisory lock held until the transaction ends,
     * so only one creates it.
     */
    public Uni<Tenant> createDefaultIfNone() {
        return tenants.lockBootstrap()
                .chain(() -> tenants.count())
                .chain(count -> count > 0 ? Uni.createFrom().nullItem() : create(Tenant.DEFAULT_SLUG, "Default"));
    }

    /** The {@code default} tenant, with the bootstrap lock held for the rest of the transaction (replicas start together). */
    public Uni<Tenant> lockPlatform() {
        return tenants.lockBootstrap().chain(() -> tenants.findBySlug(Tenant.DEFAULT_SLUG));
    }

    /** Fails with 403 unless the caller is an administrator of the {@code default} tenant, who runs the platform. */
    @WithSession
    public Uni<Void> requirePlatformAdmin(UUID tenant, boolean admin) {
        return isPlatform(tenant).invoke(platform -> {
            if (!admin || !platform) {
                throw new ProblemException(ProblemType.FORBIDDEN,
                        "Only administrators of the default tenant manage the platform's signing keys");
            }
        }).replaceWithVoid();
    }

    private Uni<String> freeSlug(String base) {
        return tenants.findBySlug(base).map(existing -> existing == null ? base
                : base.substring(0, Math.min(base.length(), Slugs.MAX_LENGTH - 7)) + "-" + Secrets.hex(3));
    }

    private Uni<Tenant> create(String slug, String name) {
        Tenant tenant = new Tenant();
        tenant.id = Ids.next();
        tenant.slug = slug;
        tenant.name = name;
        tenant.createdAt = Instant.now();
        return tenants.persist(tenant);
    }
}
