package dev.flotilla.common.outbound;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * Resolves a host and picks the address to connect to: the first one its {@link AddressGuard} permits. The JDK's
 * resolver (hosts file, then DNS, with its own cache) blocks, so it runs on a worker thread, never on the event loop.
 * A host whose addresses are all refused fails with {@link AddressRefused}; one that does not resolve with
 * {@link java.net.UnknownHostException}.
 */
public final class GuardedResolver {

    private final Vertx vertx;
    private final AddressGuard guard;

    public GuardedResolver(Vertx vertx, AddressGuard guard) {
        this.vertx = vertx;
        this.guard = guard;
    }

    public AddressGuard guard() {
        return guard;
    }

    /** The address to connect to for {@code host} (a name or an address literal, IPv6 with or without brackets). */
    public Uni<InetAddress> resolve(String host) {
        String name = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        return vertx.executeBlocking(() -> InetAddress.getAllByName(name), false).map(addresses -> {
            List<String> refusals = new ArrayList<>();
            for (InetAddress address : addresses) {
                String refusal = guard.refusal(address);
                if (refusal == null) {
                    return address;
                }
                refusals.add(refusal);
            }
            boolean literal = addresses.length == 1 && addresses[0].getHostAddress().equalsIgnoreCase(name);
            throw new AddressRefused(literal ? refusals.get(0)
                    : name + " resolves only to refused addresses: " + String.join("; ", refusals));
        });
    }
}
