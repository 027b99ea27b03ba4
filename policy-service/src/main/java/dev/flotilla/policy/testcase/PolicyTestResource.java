package dev.flotilla.policy.testcase;

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

/** Stored test cases of a policy: the questions it must keep answering the same way. */
@Cancellable(false)
@Path("/api/v1/policies/{policyId}/tests")
@RolesAllowed({ Roles.ADMIN, Roles.SERVICE })
public class PolicyTestResource {

    private final PolicyTests tests;
    private final Caller caller;

    public PolicyTestResource(PolicyTests tests, Caller caller) {
        this.tests = tests;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    public Uni<RestResponse<TestCaseView>> create(@RestPath UUID policyId, @NotNull @Valid CreateTestCase body, UriInfo uri) {
        return tests.create(caller.tenant(), policyId, body)
                .map(view -> RestResponse.ResponseBuilder.<TestCaseView> created(
                        uri.getAbsolutePathBuilder().path(view.id().toString()).build()).entity(view).build());
    }

    @GET
    public Uni<Page<TestCaseView>> list(@RestPath UUID policyId, @BeanParam @Valid PageParams page) {
        return tests.list(caller.tenant(), policyId, page);
    }

    @DELETE
    @Path("{testId}")
    @RolesAllowed(Roles.ADMIN)
    public Uni<RestResponse<Void>> delete(@RestPath UUID policyId, @RestPath UUID testId) {
        return tests.delete(caller.tenant(), policyId, testId).map(ignored -> RestResponse.noContent());
    }
}
