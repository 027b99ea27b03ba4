package dev.flotilla.auth.web;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Where a request came from: its client address and user agent, as the audit trail keeps them. */
class OriginTest {

    /** A request from {@code address} (null: none known) with the {@code User-Agent} {@code agent} (null: none). */
    private static HttpServerRequest request(SocketAddress address, String agent) {
        return (HttpServerRequest) Proxy.newProxyInstance(OriginTest.class.getClassLoader(),
                new Class<?>[] { HttpServerRequest.class },
                (proxy, method, args) -> switch (method.getName()) {
                    case "remoteAddress" -> address;
                    case "getHeader" -> "User-Agent".equalsIgnoreCase(args[0].toString()) ? agent : null;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void theAddressIsTheClientsHostAddress() {
        assertEquals("10.1.2.3", Origin.of(request(SocketAddress.inetSocketAddress(40123, "10.1.2.3"), "curl/8")).address());
    }

    @Test
    void aRequestWithoutARemoteAddressComesFromUnknown() {
        assertEquals("unknown", Origin.of(request(null, "curl/8")).address());
    }

    @Test
    void theUserAgentIsKeptAsSent() {
        assertEquals("curl/8", Origin.of(request(SocketAddress.inetSocketAddress(1, "10.1.2.3"), "curl/8")).userAgent());
    }

    @Test
    void aUserAgentLongerThan512CharactersIsCut() {
        String agent = "a".repeat(600);

        assertEquals(agent.substring(0, 512),
                Origin.of(request(SocketAddress.inetSocketAddress(1, "10.1.2.3"), agent)).userAgent());
    }

    @Test
    void aRequestWithoutUserAgentHasNone() {
        assertNull(Origin.of(request(SocketAddress.inetSocketAddress(1, "10.1.2.3"), null)).userAgent());
    }

    @Test
    void theServicesOwnWorkHasNoAddressAndNamesTheService() {
        assertEquals(new Origin(null, "auth-service"), Origin.internal());
    }
}
