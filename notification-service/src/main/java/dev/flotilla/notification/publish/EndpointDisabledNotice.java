package dev.flotilla.notification.publish;

import dev.flotilla.common.id.Ids;
import dev.flotilla.notification.delivery.EndpointDisabled;
import dev.flotilla.notification.delivery.EndpointDisabledListener;
import dev.flotilla.notification.event.Event;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * Tells the owner of a webhook endpoint the worker disabled (it answered 410, or failed for too long): a critical
 * {@code webhook.endpoint.disabled} event to whoever created it, committed with the disabling, so it reaches a user's
 * inbox and e-mail whatever their preferences and quiet hours (a service client that created one gets it in its inbox).
 * It goes to no webhook: it names the endpoint's URL, which may carry a token.
 */
@ApplicationScoped
public class EndpointDisabledNotice implements EndpointDisabledListener {

    public static final String TYPE = "webhook.endpoint.disabled";
    private static final String PUBLISHER = "notification-service";

    private final PublishService publishing;

    public EndpointDisabledNotice(PublishService publishing) {
        this.publishing = publishing;
    }

    @Override
    public Uni<Void> disabled(SqlConnection tx, EndpointDisabled endpoint) {
        JsonObject data = new JsonObject().put("endpointId", endpoint.endpointId().toString()).put("url", endpoint.url())
                .put("reason", endpoint.reason()).put("disabledAt", endpoint.at().toString());
        Event event = new Event(Ids.next(), endpoint.tenant(), TYPE, "Webhook endpoint " + endpoint.url() + " was disabled",
                data,
                true, new JsonArray().add(new JsonObject().put("userId", endpoint.createdBy())), PUBLISHER, endpoint.at());
        return publishing.tellWithin(tx, event, List.of(endpoint.createdBy())).replaceWithVoid();
    }
}
