package dev.flotilla.auth.audit;

import dev.flotilla.auth.web.Origin;
import dev.flotilla.common.identity.Caller;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Records every 403 answered to a caller with a verified token as {@link AuditType#ACCESS_DENIED},
 * whatever refused it (a role check or a rule in a service): who, what they tried, from where.
 * It is a response filter so that no refusal path can forget it. A 401 is not recorded: without a
 * verified token there is no tenant whose trail it would belong to, and an unverified {@code tid}
 * would let anyone write into any tenant's trail.
 */
public class AccessDeniedAudit {

    private static final Logger LOG = Logger.getLogger(AccessDeniedAudit.class);

    private final CurrentIdentityAssociation identities;
    private final AuditLog log;

    public AccessDeniedAudit(CurrentIdentityAssociation identities, AuditLog log) {
        this.identities = identities;
        this.log = log;
    }

    @ServerResponseFilter
    public Uni<Void> recordRefusal(ContainerRequestContext request, ContainerResponseContext response, HttpServerRequest http) {
        if (response.getStatus() != Response.Status.FORBIDDEN.getStatusCode()) {
            // No Uni at all: for a null answer the filter chain goes on at once, while even a
            // completed Uni suspends and resumes every response this filter lets through.
            return null;
        }
        String method = request.getMethod();
        String path = request.getUriInfo().getPath();
        Origin origin = Origin.of(http);
        return identities.getDeferredIdentity()
                .chain(identity -> {
                    JsonWebToken token = verifiedToken(identity);
                    UUID tenant = token == null ? null : tenantOf(token);
                    if (tenant == null) {
                        return Uni.createFrom().voidItem();
                    }
                    return log.recordAlone(tenant, AuditType.ACCESS_DENIED, token.getSubject(), method + " " + path, origin,
                            Map.of("method", method, "path", path, "roles", List.copyOf(new TreeSet<>(identity.getRoles()))));
                })
                // The refusal stands even when it cannot be written down; the log says so.
                .onFailure().invoke(e -> LOG.warnf(e, "Could not audit the refused %s %s", method, path))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    private static JsonWebToken verifiedToken(SecurityIdentity identity) {
        return !identity.isAnonymous() && identity.getPrincipal() instanceof JsonWebToken token ? token : null;
    }

    /** The token's tenant; null when its {@code tid} is missing or not an id. */
    private static UUID tenantOf(JsonWebToken token) {
        Object claim = token.getClaim(Caller.TENANT_CLAIM);
        try {
            return claim == null ? null : UUID.fromString(claim.toString().replace("\"", ""));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
