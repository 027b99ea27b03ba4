package dev.flotilla.config;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class SecretApiTest {

    private static final String PLAIN = "s3cr3t-Plaintext-7f9a";

    @Inject
    Pool pool;

    private final ConfigApi api = new ConfigApi();
    private String ns;

    @BeforeEach
    void createNamespace() {
        ns = api.namespace();
    }

    private Map<String, Object> secret(Object value) {
        Map<String, Object> body = ConfigApi.body("string", value);
        body.put("secret", true);
        body.put("schema", Map.of("type", "string", "maxLength", 40));
        body.put("description", "the database password");
        return body;
    }

    /** Every answer that shows an entry: the entry, lists, resolved views in each form, revisions and diffs. */
    private List<String> everyAnswer(RequestSpecification... callers) {
        List<String> answers = new ArrayList<>();
        String base = "/api/v1/namespaces/" + ns;
        for (RequestSpecification caller : callers) {
            for (String path : List.of(ConfigApi.entry(ns, "db.password") + "?env=prod", ConfigApi.entry(ns, "db.password"),
                    base + "/entries", base + "/resolved?env=prod", base + "/resolved?env=prod&format=properties",
                    base + "/resolved?env=prod&format=yaml", base + "/revisions", base + "/revisions/2",
                    base + "/revisions/2/diff", base + "/revisions/3/diff?against=0")) {
                answers.add(caller.get(path).then().statusCode(200).extract().asString());
            }
        }
        return answers;
    }

    private void writeSecretHistory() {
        api.put(ns, "db.password", null, secret(PLAIN)).statusCode(201);
        api.put(ns, "db.password", null, secret("other-" + PLAIN)).statusCode(200);
        api.put(ns, "db.password", "prod", secret(PLAIN)).statusCode(201);
    }

    @Test
    void aMemberSeesSecretsMaskedInEveryAnswer() {
        writeSecretHistory();
        for (String answer : everyAnswer(api.member())) {
            assertFalse(answer.contains(PLAIN), answer);
        }
        api.member().queryParam("env", "prod").get(ConfigApi.entry(ns, "db.password")).then()
                .body("value", equalTo("******"), "masked", equalTo(true), "secret", equalTo(true), "schema", nullValue(),
                        "description", equalTo("the database password"));
        api.member().get("/api/v1/namespaces/" + ns + "/revisions/2").then()
                .body("changes[0].old.value", equalTo("******"), "changes[0].old.masked", equalTo(true))
                .body("changes[0].new.value", equalTo("******"));
        api.member().get("/api/v1/namespaces/" + ns + "/resolved?env=prod").then()
                .body("entries.'db.password'.value", equalTo("******"), "entries.'db.password'.masked", equalTo(true));
    }

    @Test
    void aDiffTellsAMemberThatASecretChangedWithoutShowingIt() {
        writeSecretHistory();
        api.member().get("/api/v1/namespaces/" + ns + "/revisions/2/diff").then()
                .body("changes[0].key", equalTo("db.password"), "changes[0].old.masked", equalTo(true),
                        "changes[0].new.masked", equalTo(true));
    }

    @Test
    void adminsAndServicesReadSecretsInPlain() {
        writeSecretHistory();
        for (RequestSpecification caller : List.of(api.admin(), api.service())) {
            caller.queryParam("env", "prod").get(ConfigApi.entry(ns, "db.password")).then()
                    .body("value", equalTo(PLAIN), "masked", equalTo(false), "secret", equalTo(true),
                            "schema.maxLength", equalTo(40));
        }
        api.service().get("/api/v1/namespaces/" + ns + "/resolved?env=prod&format=properties").then()
                .body(containsString("db.password=" + PLAIN));
        api.admin().get("/api/v1/namespaces/" + ns + "/revisions/2").then()
                .body("changes[0].old.value", equalTo(PLAIN), "changes[0].new.value", equalTo("other-" + PLAIN));
    }

    @Test
    void aSecretIsStoredOnlyEncryptedInItsEntryAndItsRevisions() {
        writeSecretHistory();
        Row entry = pool.preparedQuery("select value::text as value, sealed, key_id from config.entries e"
                + " join config.namespaces n on n.id = e.namespace_id where n.tenant_id = $1 and n.name = $2 and e.env = ''")
                .execute(Tuple.of(api.tenant, ns)).await().indefinitely().iterator().next();
        assertNull(entry.getString("value"));
        assertNotNull(entry.getString("key_id"));
        assertFalse(new String(entry.getBuffer("sealed").getBytes(), StandardCharsets.ISO_8859_1).contains(PLAIN));
        for (Row change : pool.preparedQuery("select before::text as before, after::text as after"
                + " from config.revision_changes c join config.namespaces n on n.id = c.namespace_id"
                + " where n.tenant_id = $1 and n.name = $2").execute(Tuple.of(api.tenant, ns)).await().indefinitely()) {
            assertFalse(String.valueOf(change.getString("before")).contains(PLAIN));
            assertTrue(change.getString("after").contains("\"sealed\""));
            assertFalse(change.getString("after").contains(PLAIN));
        }
    }

    @Test
    void aSecretRolledBackIsRestoredExactlyAndSealedUnderTheCurrentKey() {
        writeSecretHistory();
        api.admin().post("/api/v1/namespaces/" + ns + "/revisions/1/rollback").then().statusCode(201);
        api.admin().get(ConfigApi.entry(ns, "db.password")).then()
                .body("value", equalTo(PLAIN), "secret", equalTo(true), "schema.maxLength", equalTo(40),
                        "description", equalTo("the database password"));
        api.member().get(ConfigApi.entry(ns, "db.password")).then().body("value", equalTo("******"));
        List<String> keyIds = new ArrayList<>();
        pool.preparedQuery("select key_id from config.entries e join config.namespaces n on n.id = e.namespace_id"
                + " where n.tenant_id = $1 and n.name = $2").execute(Tuple.of(api.tenant, ns)).await().indefinitely()
                .forEach(row -> keyIds.add(row.getString("key_id")));
        assertEquals(1, keyIds.stream().distinct().count(), "every secret under the one current key: " + keyIds);
    }

    @Test
    void aSecretMadePlainIsReadInPlainByMembers() {
        api.put(ns, "db.password", null, secret(PLAIN)).statusCode(201);
        Map<String, Object> plain = ConfigApi.body("string", "not secret any more");
        api.put(ns, "db.password", null, plain).statusCode(200).body("secret", equalTo(false));
        api.member().get(ConfigApi.entry(ns, "db.password")).then()
                .body("value", equalTo("not secret any more"), "masked", equalTo(false));
        api.member().get("/api/v1/namespaces/" + ns + "/revisions/2").then()
                .body("changes[0].old.value", equalTo("******"), "changes[0].new.value", not(equalTo("******")));
    }

    @Test
    void noSecretIsEverLogged() {
        Logger root = Logger.getLogger("");
        Level level = root.getLevel();
        try (LogRecords log = LogRecords.capture()) {
            root.setLevel(Level.ALL);
            writeSecretHistory();
            everyAnswer(api.member(), api.admin());
            api.admin().body(secret("far-too-long-for-its-schema-" + PLAIN)).header("If-Match", "\"2\"")
                    .put(ConfigApi.entry(ns, "db.password")).then().statusCode(422);
            api.admin().post("/api/v1/namespaces/" + ns + "/revisions/1/rollback").then().statusCode(201);
            log.assertNothingContains(PLAIN);
        } finally {
            root.setLevel(level);
        }
    }

    /** Every log record of the service written while it is open, at every level (not the test's own HTTP client's). */
    private static final class LogRecords extends Handler implements AutoCloseable {

        private final List<LogRecord> records = new ArrayList<>();

        static LogRecords capture() {
            LogRecords handler = new LogRecords();
            handler.setLevel(Level.ALL);
            Logger.getLogger("").addHandler(handler);
            return handler;
        }

        @Override
        public synchronized void publish(LogRecord record) {
            if (record.getLoggerName() == null || !record.getLoggerName().startsWith("org.apache.http")) {
                records.add(record);
            }
        }

        synchronized void assertNothingContains(String text) {
            assertTrue(records.size() > 0, "no log record was captured: the capture itself is broken");
            for (LogRecord record : records) {
                String formatted = new SimpleFormatter().formatMessage(record);
                assertFalse(String.valueOf(formatted).contains(text), () -> record.getLoggerName() + ": " + formatted);
                for (Throwable t = record.getThrown(); t != null; t = t.getCause()) {
                    assertFalse(String.valueOf(t.getMessage()).contains(text), record.getLoggerName());
                }
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
            Logger.getLogger("").removeHandler(this);
        }
    }
}
