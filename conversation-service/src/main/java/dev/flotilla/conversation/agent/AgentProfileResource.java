package dev.flotilla.conversation.agent;

import dev.flotilla.common.identity.Caller;
import dev.flotilla.common.identity.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.server.Cancellable;

import java.util.UUID;

/** What the caller's chats with an agent are given: its system prompt with the caller's customizations, model, tools. */
@Cancellable(false)
@Path("/api/v1/agents/{agentId}/profile")
@RolesAllowed({ Roles.ADMIN, Roles.SERVICE, Roles.MEMBER })
public class AgentProfileResource {

    private final AgentProfiles profiles;
    private final Caller caller;

    public AgentProfileResource(AgentProfiles profiles, Caller caller) {
        this.profiles = profiles;
        this.caller = caller;
    }

    @GET
    public Uni<AgentProfile> profile(@RestPath UUID agentId) {
        return profiles.of(caller.tenant(), caller.subject(), agentId, "Bearer " + caller.rawToken());
    }
}
