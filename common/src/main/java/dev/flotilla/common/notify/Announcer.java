package dev.flotilla.common.notify;

import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * NOTIFY for hot write paths, sent after their transactions commit rather than inside them. PostgreSQL holds one
 * database-wide lock from the commit of a transaction that notifies until its commit record is on disk, so such
 * transactions commit one at a time, each waiting for its own flush; a transaction that does not notify shares its
 * flush with others (group commit). Announcements queued while a batch is being sent go out together in the next one,
 * one statement, repeats once.
 * <p>
 * An announcement is a wake-up, never the change itself: listeners read what changed from the tables. One queued when
 * this replica stops, or when the database cannot be reached, is not sent; listeners must also look by themselves now
 * and then (a poll, or reading again when they re-subscribe), as they must for any notification lost while their
 * LISTEN connection was down.
 */
@ApplicationScoped
public class Announcer {

    private static final Logger LOG = Logger.getLogger(Announcer.class);

    /** One notification to send. */
    private record Announcement(String channel, String payload) {
    }

    private final Pool pool;
    private Set<Announcement> queued = new LinkedHashSet<>();
    private boolean sending;

    public Announcer(Pool pool) {
        this.pool = pool;
    }

    /** Sends {@code payload} on {@code channel} soon; call it once the change it announces has committed. */
    public void announce(String channel, String payload) {
        synchronized (this) {
            queued.add(new Announcement(channel, payload));
            if (sending) {
                return;
            }
            sending = true;
        }
        sendQueued();
    }

    private void sendQueued() {
        Set<Announcement> batch;
        synchronized (this) {
            if (queued.isEmpty()) {
                sending = false;
                return;
            }
            batch = queued;
            queued = new LinkedHashSet<>();
        }
        String[] channels = batch.stream().map(Announcement::channel).toArray(String[]::new);
        String[] payloads = batch.stream().map(Announcement::payload).toArray(String[]::new);
        NotifySql.send(pool, channels, payloads).subscribe().with(
                sent -> sendQueued(),
                failure -> {
                    LOG.debugf("Could not send %d notifications (%s); listeners find the changes when they look again",
                            batch.size(), failure.getMessage());
                    sendQueued();
                });
    }
}
