package dev.flotilla.common.health;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class ServiceSchemaTest {

    @Inject
    Pool pool;

    @ConfigProperty(name = "flotilla.schema")
    String schema;

    @Test
    void nativeSqlResolvesNamesInTheServicesOwnSchema() {
        String current = pool.query("select current_schema()").execute()
                .map(rows -> rows.iterator().next().getString(0))
                .await().atMost(Duration.ofSeconds(10));
        assertEquals(schema, current);
    }
}
