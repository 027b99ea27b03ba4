package dev.flotilla.testing;

import io.restassured.response.ValidatableResponse;

import static org.hamcrest.Matchers.endsWith;

/** What every create answers: {@code 201 Created} with a {@code Location} naming the new resource. */
public final class Responses {

    private Responses() {
    }

    /**
     * Asserts that {@code response} is a {@code 201} whose {@code Location} ends in the body's
     * {@code id}, and returns that id.
     */
    public static String created(ValidatableResponse response) {
        String id = response.statusCode(201).extract().path("id");
        if (id == null) {
            throw new AssertionError("the created resource's body has no id");
        }
        response.header("Location", endsWith("/" + id));
        return id;
    }
}
