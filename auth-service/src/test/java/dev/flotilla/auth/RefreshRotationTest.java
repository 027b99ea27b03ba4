package dev.flotilla.auth;

import dev.flotilla.auth.session.LoginSession;
import dev.flotilla.testing.Problems;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** Refresh tokens: opaque, single use, rotating; presenting a used one again ends the session. */
@QuarkusTest
class RefreshRotationTest {

    private static Response refresh(String token) {
        return Api.client().contentType(ContentType.JSON).body(Map.of("refreshToken", token)).post("/api/v1/auth/refresh");
    }

    @Test
    void aRefreshIssuesANewAccessTokenAndANewRefreshToken() {
        Api.Tenant tenant = Api.register();
        Response next = refresh(tenant.refreshToken()).then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body("tokenType", is("Bearer"))
                .body("expiresIn", is(900))
                .body("refreshToken", not(is(tenant.refreshToken())))
                .extract().response();
        Api.client().auth().oauth2(next.path("accessToken")).get("/api/v1/users/me").then().statusCode(200);
        refresh(next.path("refreshToken")).then().statusCode(200);
    }

    @Test
    void aRefreshIsAuditedWithTheSessionItContinues() {
        Api.Tenant tenant = Api.register();
        refresh(tenant.refreshToken()).then().statusCode(200);

        String session = Api.client().auth().oauth2(tenant.accessToken()).get("/api/v1/users/me/sessions").then()
                .statusCode(200).extract().path("items.find { it.current }.id");
        Api.client().auth().oauth2(tenant.accessToken()).get("/api/v1/audit-events?type=auth.token.refreshed").then()
                .statusCode(200)
                .body("items.size()", is(1))
                .body("items[0].actor", is(tenant.adminId()))
                .body("items[0].subject", is(tenant.adminId()))
                .body("items[0].detail.session", is(session))
                .body("items[0].clientAddress", startsWith("10."));
    }

    @Test
    void aRefreshMarksItsSessionAsUsed() throws Throwable {
        Api.Tenant tenant = Api.register();
        Instant before = Instant.now().minus(Duration.ofMinutes(2));
        UUID session = UUID.fromString((String) currentSession(tenant).get("id"));
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(
                () -> LoginSession.update("lastUsedAt = ?1 where id = ?2", before, session)));

        Instant refreshed = Instant.now();
        refresh(tenant.refreshToken()).then().statusCode(200);

        Instant lastUsed = Instant.parse((String) currentSession(tenant).get("lastUsedAt"));
        assertFalse(lastUsed.isBefore(refreshed.truncatedTo(ChronoUnit.MILLIS)),
                "last used " + lastUsed + ", refreshed at " + refreshed);
    }

    @Test
    void aRefreshWithinAMinuteOfTheSessionsLastUseLeavesItsLastUse() {
        Api.Tenant tenant = Api.register();
        Object lastUsed = currentSession(tenant).get("lastUsedAt");

        refresh(tenant.refreshToken()).then().statusCode(200);

        assertEquals(lastUsed, currentSession(tenant).get("lastUsedAt"));
    }

    /** The caller's session as {@code GET /api/v1/users/me/sessions} shows it. */
    private static Map<String, Object> currentSession(Api.Tenant tenant) {
        return Api.client().auth().oauth2(tenant.accessToken()).get("/api/v1/users/me/sessions").then()
                .statusCode(200).extract().path("items.find { it.current }");
    }

    @Test
    void reusingARotatedRefreshTokenRevokesTheWholeSession() {
        Api.Tenant tenant = Api.register();
        String second = refresh(tenant.refreshToken()).then().statusCode(200).extract().path("refreshToken");

        refresh(tenant.refreshToken()).then().spec(Problems.unauthorized());
        // The legitimate successor dies with the session.
        refresh(second).then().spec(Problems.unauthorized());
        Api.client().auth().oauth2(tenant.accessToken()).get("/api/v1/audit-events?type=auth.token.reuse-detected").then()
                .statusCode(200).body("items.size()", is(1));
    }

    @Test
    void twoConcurrentRefreshesOfOneTokenHaveExactlyOneWinner() throws Exception {
        for (int round = 0; round < 3; round++) {
            Api.Tenant tenant = Api.register();
            CountDownLatch start = new CountDownLatch(1);
            Callable<Response> attempt = () -> {
                start.await();
                return refresh(tenant.refreshToken());
            };
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<Response>> results = List.of(pool.submit(attempt), pool.submit(attempt));
                start.countDown();
                List<Response> responses = List.of(results.get(0).get(), results.get(1).get());
                List<Integer> statuses = responses.stream().map(Response::statusCode).toList();
                assertEquals(1, statuses.stream().filter(s -> s == 200).count(), "statuses " + statuses);
                assertEquals(1, statuses.stream().filter(s -> s == 401).count(), "statuses " + statuses);
                responses.stream().filter(r -> r.statusCode() == 401)
                        .forEach(loser -> loser.then().spec(Problems.unauthorized()));
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void anUnknownRefreshTokenIsUnauthorized() {
        refresh("not-a-token-we-issued").then().spec(Problems.unauthorized());
    }

    @Test
    void aRefreshTokenOfALoggedOutSessionIsUnauthorized() {
        Api.Tenant tenant = Api.register();
        Api.client().auth().oauth2(tenant.accessToken()).post("/api/v1/auth/logout").then().statusCode(204);
        refresh(tenant.refreshToken()).then().spec(Problems.unauthorized());
    }

    @Test
    void logoutAllEndsEverySessionOfTheUser() {
        Api.Tenant tenant = Api.register();
        String other = Api.login(tenant.slug(), tenant.adminEmail(), Api.PASSWORD).then().statusCode(200).extract()
                .path("refreshToken");
        Api.client().auth().oauth2(tenant.accessToken()).post("/api/v1/auth/logout-all").then().statusCode(204);
        refresh(tenant.refreshToken()).then().spec(Problems.unauthorized());
        refresh(other).then().spec(Problems.unauthorized());
    }

    @Test
    void theRefreshTokenGrantOfTheTokenEndpointRotatesToo() {
        Api.Tenant tenant = Api.register();
        String next = Api.client().contentType(ContentType.URLENC)
                .formParam("grant_type", "refresh_token").formParam("refresh_token", tenant.refreshToken())
                .post("/oauth2/token").then().statusCode(200)
                .body("token_type", is("Bearer"))
                .extract().path("refresh_token");
        assertNotEquals(tenant.refreshToken(), next);
        Api.client().contentType(ContentType.URLENC)
                .formParam("grant_type", "refresh_token").formParam("refresh_token", tenant.refreshToken())
                .post("/oauth2/token").then().statusCode(400).body("error", is("invalid_grant"));
    }

    @Test
    void aBlankRefreshTokenIsAValidationProblem() {
        refresh("  ").then().spec(Problems.validationFailed())
                .body("errors.field", is(List.of("refreshToken")))
                .body("errors[0].message", is("must not be blank"));
    }

    @Test
    void aRefreshTokenLongerThan256CharactersIsAValidationProblem() {
        refresh("x".repeat(257)).then().spec(Problems.validationFailed())
                .body("errors.field", is(List.of("refreshToken")))
                .body("errors[0].message", is("size must be between 0 and 256"));
    }

    @Test
    void aRefreshWithoutTheTokenIsAValidationProblem() {
        Api.client().contentType(ContentType.JSON).body("{}").post("/api/v1/auth/refresh").then()
                .spec(Problems.validationFailed())
                .body("errors.field", is(List.of("refreshToken")))
                .body("errors[0].message", is("must not be blank"));
    }

    @Test
    void aRefreshWithoutABodyIsAValidationProblem() {
        Api.client().contentType(ContentType.JSON).post("/api/v1/auth/refresh").then().spec(Problems.validationFailed())
                .body("errors.field", is(List.of("request")))
                .body("errors[0].message", is("must not be null"));
    }
}
