package dev.flotilla.policy.policy;

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
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.Cancellable;

import java.util.UUID;

/**
 * Policies of the caller's tenant. Admins write; admins and services read. Every change of the
 * rules is a new immutable version; {@code PUT} needs the {@code If-Match} of the version edited.
 */
@Cancellable(false)
@Path("/api/v1/policies")
@RolesAllowed({ Roles.ADMIN, Roles.SERVICE })
public class PolicyResource {

    private final PolicyService policies;
    private final Caller caller;

    public PolicyResource(PolicyService policies, Caller caller) {
        this.policies = policies;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    public Uni<RestResponse<PolicyView>> create(@NotNull @Valid PolicyDraft draft, UriInfo uri) {
        return policies.create(caller.tenant(), caller.subject(), draft)
                .map(saved -> RestResponse.ResponseBuilder.<PolicyView> created(
                        uri.getAbsolutePathBuilder().path(saved.body().id().toString()).build())
                        .entity(saved.body())
                        .header(HttpHeaders.ETAG, saved.etag())
                        .build());
    }

    @GET
    public Uni<Page<PolicyView>> list(@BeanParam @Valid PageParams page) {
        return policies.list(caller.tenant(), page);
    }

    @GET
    @Path("{id}")
    public Uni<RestResponse<PolicyView>> get(@RestPath UUID id) {
        return policies.get(caller.tenant(), id).map(PolicyResource::tagged);
    }

    /** A new version of the policy; active at once unless {@code ?activate=false}. */
    @PUT
    @Path("{id}")
    @RolesAllowed(Roles.ADMIN)
    public Uni<RestResponse<PolicyView>> update(@RestPath UUID id, @RestHeader("If-Match") String ifMatch,
            @RestQuery @DefaultValue("true") boolean activate,
            @NotNull @Valid PolicyDraft draft) {
        return policies.update(caller.tenant(), id, ifMatch, draft, activate, caller.subject()).map(PolicyResource::tagged);
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(Roles.ADMIN)
    public Uni<RestResponse<Void>> delete(@RestPath UUID id, @RestHeader("If-Match") String ifMatch) {
        return policies.delete(caller.tenant(), id, ifMatch).map(ignored -> RestResponse.noContent());
    }

    @GET
    @Path("{id}/versions")
    public Uni<Page<VersionView>> versions(@RestPath UUID id, @BeanParam @Valid PageParams page) {
        return policies.versions(caller.tenant(), id, page);
    }

    /** Makes version {@code n} the one in force (roll back or forward); 422 if it fails the policy's tests. */
    @POST
    @Path("{id}/versions/{n}/activate")
    @RolesAllowed(Roles.ADMIN)
    public Uni<RestResponse<PolicyView>> activate(@RestPath UUID id, @RestPath int n, @RestHeader("If-Match") String ifMatch) {
        return policies.activate(caller.tenant(), id, n, ifMatch).map(PolicyResource::tagged);
    }

    /** Compiles rules without saving them; errors name the rule and the position in the expression. */
    @POST
    @Path("validate")
    public ValidationReport validate(@NotNull @Valid RulesDraft draft) {
        return policies.validate(draft.rules());
    }

    private static RestResponse<PolicyView> tagged(Tagged<PolicyView> tagged) {
        return RestResponse.ResponseBuilder.ok(tagged.body()).header(HttpHeaders.ETAG, tagged.etag()).build();
    }
}
