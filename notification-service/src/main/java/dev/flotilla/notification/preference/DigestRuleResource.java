package dev.flotilla.notification.preference;

import dev.flotilla.common.identity.Caller;
import dev.flotilla.common.identity.Roles;
import dev.flotilla.common.paging.Page;
import dev.flotilla.common.paging.PageParams;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.Cancellable;

import java.util.UUID;

/** The tenant's digest rules: admins write them; admins and services read them. */
@Cancellable(false)
@Path("/api/v1/digest-rules")
@RolesAllowed(Roles.ADMIN)
public class DigestRuleResource {

    private final DigestRuleService rules;
    private final Caller caller;

    public DigestRuleResource(DigestRuleService rules, Caller caller) {
        this.rules = rules;
        this.caller = caller;
    }

    /** 201 with the rule; 409 when the pattern has a rule already. */
    @POST
    public Uni<RestResponse<DigestRule>> create(@NotNull @Valid CreateDigestRule request, UriInfo uri) {
        return rules.create(caller.tenant(), caller.subject(), request)
                .map(rule -> RestResponse.ResponseBuilder.<DigestRule> created(
                        uri.getAbsolutePathBuilder().path(rule.id().toString()).build()).entity(rule).build());
    }

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.SERVICE })
    public Uni<Page<DigestRule>> list(@BeanParam @Valid PageParams page) {
        return rules.list(caller.tenant(), page);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ Roles.ADMIN, Roles.SERVICE })
    public Uni<DigestRule> get(@RestPath UUID id) {
        return rules.get(caller.tenant(), id);
    }

    @DELETE
    @Path("{id}")
    public Uni<RestResponse<Void>> delete(@RestPath UUID id) {
        return rules.delete(caller.tenant(), id).map(ignored -> RestResponse.noContent());
    }
}
