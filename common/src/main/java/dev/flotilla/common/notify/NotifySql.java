package dev.flotilla.common.notify;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/** Sending notifications: many in one statement. */
final class NotifySql {

    private static final String SEND = """
            select count(pg_notify(n.channel, n.payload))
              from unnest($1::text[], $2::text[]) as n (channel, payload)""";

    private NotifySql() {
    }

    /** Sends {@code payloads[i]} on {@code channels[i]}, for every i, when the statement's transaction commits. */
    static Uni<Void> send(SqlClient client, String[] channels, String[] payloads) {
        return client.preparedQuery(SEND).execute(Tuple.of(channels, payloads)).replaceWithVoid();
    }
}
