package dev.flotilla.common.servicetoken;

import io.smallrye.mutiny.Uni;
import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A service without a configured service client calls nobody as itself, and says why. */
class WithoutServiceClientTest {

    private static ServiceTokens tokens(Optional<String> id, Optional<String> secret) {
        TokenApi unreachable = (basic, grantType, scope) -> {
            throw new AssertionError("auth-service was asked for a token without credentials");
        };
        return new ServiceTokens(new TokenTransport(unreachable), new ServiceClientConfig() {
            @Override
            public Optional<String> id() {
                return id;
            }

            @Override
            public Optional<String> secret() {
                return secret;
            }
        });
    }

    @Test
    void withoutCredentialsNoTokenIsAskedForAndTheFailureNamesTheSettings() {
        ServiceTokens tokens = tokens(Optional.empty(), Optional.empty());
        NoServiceClient missing = assertThrows(NoServiceClient.class,
                () -> tokens.token(UUID.randomUUID()).await().indefinitely());
        assertTrue(missing.getMessage().contains("FLOTILLA_SERVICE_CLIENT_ID"), missing.getMessage());
        assertThrows(NoServiceClient.class, () -> tokens.authorized(UUID.randomUUID(), token -> Uni.createFrom().item("called"))
                .await().indefinitely());
    }

    @Test
    void anIdWithoutASecretIsNoServiceClient() {
        ServiceTokens tokens = tokens(Optional.of("svc-x"), Optional.of(""));
        assertThrows(NoServiceClient.class, () -> tokens.token(UUID.randomUUID()).await().indefinitely());
    }

    @Test
    void aTokenThatIsNoJwtActsInNoKnownTenant() {
        assertTrue(ServiceTokens.tenantOf("opaque-token") == null);
        assertTrue(ServiceTokens.tenantOf("a.b.c") == null);
    }
}
