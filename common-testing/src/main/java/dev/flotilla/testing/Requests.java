package dev.flotilla.testing;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Requests as a caller of a tenant would make them: a signed bearer token and a JSON body. */
public final class Requests {

    private Requests() {
    }

    /** A JSON request carrying a token of a new user of {@code tenant} with {@code roles}. */
    public static RequestSpecification as(UUID tenant, String... roles) {
        return given().auth().oauth2(TestTokens.user(tenant, roles)).contentType(ContentType.JSON);
    }

    /** A JSON request carrying a token of user {@code subject} of {@code tenant} with {@code roles}. */
    public static RequestSpecification as(String subject, UUID tenant, String... roles) {
        return given().auth().oauth2(TestTokens.user(subject, tenant, roles)).contentType(ContentType.JSON);
    }
}
