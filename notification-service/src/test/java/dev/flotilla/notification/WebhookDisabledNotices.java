package dev.flotilla.notification;

import dev.flotilla.notification.delivery.EndpointDisabled;
import dev.flotilla.notification.delivery.EndpointDisabledListener;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps what the worker tells listeners of the endpoints it disables, for tests to read. */
@ApplicationScoped
public class WebhookDisabledNotices implements EndpointDisabledListener {

    private final List<EndpointDisabled> notices = new CopyOnWriteArrayList<>();

    @Override
    public Uni<Void> disabled(SqlConnection tx, EndpointDisabled endpoint) {
        notices.add(endpoint);
        return Uni.createFrom().voidItem();
    }

    public List<EndpointDisabled> of(UUID endpoint) {
        return notices.stream().filter(notice -> notice.endpointId().equals(endpoint)).toList();
    }
}
