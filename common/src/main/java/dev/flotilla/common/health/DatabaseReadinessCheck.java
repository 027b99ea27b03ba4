package dev.flotilla.common.health;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.time.Duration;

/**
 * Ready only while the service's own schema answers a query through the reactive pool the
 * service really uses, within a short timeout (a hung database must not hang the probe).
 */
@Readiness
@ApplicationScoped
public class DatabaseReadinessCheck implements AsyncHealthCheck {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final SchemaSql sql;
    private final String schema;

    DatabaseReadinessCheck(SchemaSql sql, @ConfigProperty(name = "flotilla.schema") String schema) {
        this.sql = sql;
        this.schema = schema;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return sql.exists(schema)
                .ifNoItem().after(TIMEOUT).fail()
                .map(exists -> exists
                        ? HealthCheckResponse.named("database").up().withData("schema", schema).build()
                        : HealthCheckResponse.named("database").down().withData("schema", schema)
                                .withData("error", "schema not migrated").build())
                .onFailure().recoverWithItem(e -> HealthCheckResponse.named("database").down()
                        .withData("schema", schema)
                        .withData("error", String.valueOf(e.getMessage())).build());
    }
}
