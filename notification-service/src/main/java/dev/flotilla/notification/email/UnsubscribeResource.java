package dev.flotilla.notification.email;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.server.Cancellable;

/**
 * The unsubscribe links of the e-mails, reachable without a session: the signed token is the
 * proof. Mail clients POST to it ({@code List-Unsubscribe-Post: List-Unsubscribe=One-Click}); a
 * person opening the link gets a page with one button that POSTs the same.
 */
@Cancellable(false)
@Path(UnsubscribeLinks.PATH + "{token}")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class UnsubscribeResource {

    private final UnsubscribeService unsubscribes;

    public UnsubscribeResource(UnsubscribeService unsubscribes) {
        this.unsubscribes = unsubscribes;
    }

    @GET
    public String confirm(@RestPath String token) {
        return UnsubscribePages.confirm(unsubscribes.read(token).eventType());
    }

    @POST
    public Uni<String> unsubscribe(@RestPath String token) {
        return unsubscribes.unsubscribe(token).map(done -> UnsubscribePages.done(done.eventType()));
    }
}
