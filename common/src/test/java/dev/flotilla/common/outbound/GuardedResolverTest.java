package dev.flotilla.common.outbound;

import io.vertx.mutiny.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GuardedResolverTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static Vertx vertx;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stop() {
        vertx.closeAndAwait();
    }

    @Test
    void localhostIsRefusedWhenLoopbackIsNotAllowed() {
        GuardedResolver resolver = new GuardedResolver(vertx, AddressGuard.publicOnly());
        AddressRefused refused = assertThrows(AddressRefused.class, () -> resolver.resolve("localhost").await().atMost(WAIT));
        assertTrue(refused.getMessage().contains("loopback"), refused.getMessage());
    }

    @Test
    void anAllowedNetworkGivesTheFirstAddressItHolds() {
        GuardedResolver resolver = new GuardedResolver(vertx, AddressGuard.allowing(List.of("127.0.0.0/8")));
        InetAddress address = resolver.resolve("localhost").await().atMost(WAIT);
        assertEquals("127.0.0.1", address.getHostAddress());
    }

    @Test
    void aRefusedLiteralIsNamedWithWhatItIs() {
        GuardedResolver resolver = new GuardedResolver(vertx, AddressGuard.publicOnly());
        AddressRefused refused = assertThrows(AddressRefused.class,
                () -> resolver.resolve("169.254.169.254").await().atMost(WAIT));
        assertTrue(refused.getMessage().startsWith("169.254.169.254 is the cloud metadata address"), refused.getMessage());
    }

    @Test
    void anIpv6LiteralInBracketsIsResolvedWithoutThem() {
        GuardedResolver resolver = new GuardedResolver(vertx, AddressGuard.publicOnly());
        AddressRefused refused = assertThrows(AddressRefused.class, () -> resolver.resolve("[::1]").await().atMost(WAIT));
        assertTrue(refused.getMessage().contains("loopback"), refused.getMessage());
    }
}
