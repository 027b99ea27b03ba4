package dev.flotilla.health.check;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HealthJsonTest {

    @Test
    void eachCheckThatIsNotUpIsACause() {
        String body = """
                {"status":"DOWN","checks":[{"name":"database","status":"DOWN"},{"name":"cache","status":"UP"},
                {"name":"policy-service","status":"DOWN","data":{"error":"timeout"}}]}""";
        assertEquals(List.of("readiness: database DOWN", "readiness: policy-service DOWN"),
                HealthJson.causes("readiness", 503, body));
    }

    @Test
    void anUpAnswerHasNoCause() {
        assertEquals(List.of(), HealthJson.causes("liveness", 200, "{\"status\":\"UP\",\"checks\":[]}"));
    }

    @Test
    void aFailingAnswerThatIsNotHealthJsonSaysSo() {
        assertEquals(List.of("startup: answered 404 without SmallRye Health JSON"),
                HealthJson.causes("startup", 404, "<html>Not Found</html>"));
    }

    @Test
    void aFailingStatusWithEveryCheckUpIsStillACause() {
        assertEquals(List.of("readiness: answered 503"), HealthJson.causes("readiness", 503, "{\"checks\":[]}"));
    }
}
