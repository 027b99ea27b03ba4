package dev.flotilla.notification.delivery;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Told when the worker disables an endpoint, inside the transaction that disables it, so that whatever it writes (a
 * notification of the endpoint's owner by e-mail and inbox) commits with the disabling or not at all. Implemented as
 * CDI beans; every one is called, in no particular order. A failure rolls the disabling back: the next failed
 * delivery disables again.
 */
public interface EndpointDisabledListener {

    Uni<Void> disabled(SqlConnection tx, EndpointDisabled endpoint);
}
