package dev.flotilla.auth;

import dev.flotilla.auth.secret.Secrets;
import dev.flotilla.auth.session.LoginSession;
import dev.flotilla.auth.session.RefreshToken;
import dev.flotilla.auth.session.SessionCleanup;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The clean-up job deletes sessions that ended more than a day ago, and the refresh tokens of every deleted session. */
@QuarkusTest
class SessionHousekeepingTest {

    @Inject
    SessionCleanup cleanup;

    @Test
    void aSessionEndedMoreThanADayAgoIsDeletedWithItsRefreshTokens() throws Throwable {
        Api.Tenant tenant = Api.register();
        String ended = Api.login(tenant.slug(), tenant.adminEmail(), Api.PASSWORD).then().statusCode(200).extract()
                .path("refreshToken");
        String endedSuccessor = Api.client().contentType(ContentType.JSON).body(Map.of("refreshToken", ended))
                .post("/api/v1/auth/refresh").then().statusCode(200).extract().path("refreshToken");
        UUID session = token(endedSuccessor).sessionId;
        Instant twoDaysAgo = Instant.now().minus(Duration.ofDays(2));
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(
                () -> LoginSession.update("revokedAt = ?1, revokedReason = 'logout' where id = ?2", twoDaysAgo, session)));

        VertxContextSupport.subscribeAndAwait(() -> cleanup.purgeEnded());

        assertNull(VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> LoginSession.findById(session))));
        assertNull(token(ended));
        assertNull(token(endedSuccessor));
        assertNotNull(token(tenant.refreshToken()), "the live session's token stays");
    }

    @Test
    void theRefreshTokensOfADeletedUsersSessionsAreDeleted() throws Throwable {
        Api.Tenant tenant = Api.register();
        String[] member = Api.userWithRole(tenant, "member");
        Api.client().auth().oauth2(tenant.accessToken()).delete("/api/v1/users/" + member[0]).then().statusCode(204);

        VertxContextSupport.subscribeAndAwait(() -> cleanup.purgeEnded());

        assertNull(token(member[2]));
    }

    private RefreshToken token(String refreshToken) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(
                () -> RefreshToken.<RefreshToken> find("tokenHash", Secrets.hash(refreshToken)).firstResult()));
    }
}
