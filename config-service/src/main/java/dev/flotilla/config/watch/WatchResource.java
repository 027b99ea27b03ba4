package dev.flotilla.config.watch;

import dev.flotilla.common.identity.Caller;
import dev.flotilla.common.identity.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import java.time.Instant;

/**
 * A namespace's changes as Server-Sent Events: {@code event: change} for each revision that touches the environment
 * ({@code ?env=}) or the namespace default, its index as {@code id} and {@code {index, kind, keys, author, at}} as data
 * (keys and actions, never a value), and a {@code :} comment when the stream has been quiet for a while. It resumes
 * after the index of {@code Last-Event-ID}, and ends when the caller's token expires.
 */
@Path("/api/v1/namespaces/{ns}/events")
@RolesAllowed({ Roles.MEMBER, Roles.ADMIN, Roles.SERVICE })
public class WatchResource {

    private final WatchService watches;
    private final Caller caller;
    private final JsonWebToken token;

    public WatchResource(WatchService watches, Caller caller, JsonWebToken token) {
        this.watches = watches;
        this.caller = caller;
        this.token = token;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public Uni<Void> events(@RestPath String ns, @RestQuery String env, @RestHeader("Last-Event-ID") String lastEventId,
            @Context SseEventSink sink, @Context Sse sse) {
        long expires = token.getExpirationTime();
        return watches.stream(caller.tenant(), ns, env, lastEventId, expires > 0 ? Instant.ofEpochSecond(expires) : null)
                .invoke(events -> EventSinks.relay(events.map(event -> event.isComment()
                        ? sse.newEventBuilder().comment("keep-alive").build()
                        : sse.newEventBuilder().name(StreamEvent.CHANGE).id(event.id())
                                .mediaType(MediaType.APPLICATION_JSON_TYPE)
                                .data(event.revision()).build()),
                        sink))
                .replaceWithVoid();
    }
}
