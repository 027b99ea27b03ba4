package dev.flotilla.common.paging;

import dev.flotilla.testing.Problems;
import dev.flotilla.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

@QuarkusTest
class KeysetPagingTest {

    private static final String TOKEN = TestTokens.user(UUID.randomUUID(), "member");

    @Test
    void theDefaultPageHoldsFiftyItemsAndACursor() {
        given().auth().oauth2(TOKEN).get("/api/v1/widgets").then()
                .statusCode(200)
                .body("items", hasSize(50))
                .body("nextCursor", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void followingTheCursorVisitsEveryItemOnceInOrder() {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = given().auth().oauth2(TOKEN).queryParam("limit", 7);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.get("/api/v1/widgets");
            page.then().statusCode(200);
            seen.addAll(page.jsonPath().getList("items", String.class));
            cursor = page.jsonPath().getString("nextCursor");
            pages++;
        } while (cursor != null);
        assertEquals(120, seen.size());
        assertEquals(seen.stream().distinct().sorted().toList(), seen);
        assertEquals(18, pages);
    }

    @Test
    void theLastPageHasNoNextCursor() {
        given().auth().oauth2(TOKEN).queryParam("limit", 500).get("/api/v1/widgets").then()
                .body("items", hasSize(120))
                .body("nextCursor", nullValue());
    }

    @Test
    void aLimitOutsideOneToFiveHundredIsRejected() {
        given().auth().oauth2(TOKEN).queryParam("limit", 0).get("/api/v1/widgets").then()
                .spec(Problems.validationFailed()).body("errors[0].field", is("limit"));
        given().auth().oauth2(TOKEN).queryParam("limit", 501).get("/api/v1/widgets").then()
                .spec(Problems.validationFailed()).body("errors[0].field", is("limit"));
    }

    @Test
    void aLimitThatIsNotANumberIsRejected() {
        given().auth().oauth2(TOKEN).queryParam("limit", "many").get("/api/v1/widgets").then()
                .spec(Problems.validationFailed()).body("errors[0].field", is("limit"));
    }

    @Test
    void aTamperedCursorIsABadRequest() {
        given().auth().oauth2(TOKEN).queryParam("cursor", "!!not-base64!!").get("/api/v1/widgets").then()
                .spec(Problems.validationFailed()).body("errors[0].field", is("cursor"));
        given().auth().oauth2(TOKEN).queryParam("cursor", Cursor.of("a", "b").encode()).get("/api/v1/widgets").then()
                .spec(Problems.validationFailed()).body("errors[0].field", is("cursor"));
    }

    @Test
    void aCursorRoundTripsItsKeys() {
        Cursor cursor = Cursor.of("2026-11-22T04:00:00Z", UUID.fromString("0190f5c4-1111-7000-8000-000000000001"));
        assertEquals(cursor, Cursor.decode(cursor.encode()));
        assertNull(new PageParams(10, null).after());
    }
}
