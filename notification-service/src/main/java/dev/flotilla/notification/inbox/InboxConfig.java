package dev.flotilla.notification.inbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Settings of the inbox, under {@code flotilla.inbox}. */
@ConfigMapping(prefix = "flotilla.inbox")
public interface InboxConfig {

    /** A stream that has sent nothing for this long sends a comment, so proxies keep it open. */
    @WithDefault("15s")
    Duration streamKeepalive();

    /** The most notifications a stream reads from the table at once; a client far behind is sent several batches. */
    @WithDefault("100")
    int streamBatch();
}
