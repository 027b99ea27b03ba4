package dev.flotilla.notification.preference;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The decisions for a set of recipients of one event: user → channel → decision. */
public record Decisions(Map<String, Map<String, Decision>> byUser) {

    public Decisions {
        byUser = Map.copyOf(byUser);
    }

    /** The decision for {@code user} on {@code channel}, both among those asked about. */
    public Decision of(String user, String channel) {
        Map<String, Decision> channels = byUser.get(user);
        Decision decision = channels == null ? null : channels.get(channel);
        if (decision == null) {
            throw new IllegalArgumentException("no decision was asked for " + user + " on " + channel);
        }
        return decision;
    }

    /** The users who turned {@code channel} off for the event's type. */
    public Set<String> skipped(String channel) {
        Set<String> users = new TreeSet<>();
        byUser.forEach((user, channels) -> {
            Decision decision = channels.get(channel);
            if (decision != null && decision.outcome() == Decision.Outcome.SKIP) {
                users.add(user);
            }
        });
        return users;
    }
}
