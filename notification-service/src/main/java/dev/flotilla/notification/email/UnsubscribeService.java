package dev.flotilla.notification.email;

import dev.flotilla.common.error.NotFound;
import dev.flotilla.notification.preference.Channels;
import dev.flotilla.notification.preference.PreferenceService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** One-click unsubscribe (RFC 8058): a signed link turns one event type's e-mail off for its recipient. */
@ApplicationScoped
public class UnsubscribeService {

    private final UnsubscribeLinks links;
    private final PreferenceService preferences;

    public UnsubscribeService(UnsubscribeLinks links, PreferenceService preferences) {
        this.links = links;
        this.preferences = preferences;
    }

    /** What the link unsubscribes from; a link this service did not sign is a 404. */
    public UnsubscribeTokens.Unsubscribe read(String token) {
        return links.verify(token).orElseThrow(() -> new NotFound("unsubscribe link", "given"));
    }

    /** Turns the link's event type off for e-mail; answers what was turned off. */
    public Uni<UnsubscribeTokens.Unsubscribe> unsubscribe(String token) {
        UnsubscribeTokens.Unsubscribe request = read(token);
        return preferences.set(request.tenant(), request.user(), Channels.EMAIL, request.eventType(), false)
                .replaceWith(request);
    }
}
