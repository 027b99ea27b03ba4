package dev.flotilla.common.health;

import dev.flotilla.common.db.DatabaseFailures;
import dev.flotilla.common.db.DatabaseOutage;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.TimeoutException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.time.Duration;

/**
 * Ready only while the service's own schema answers a query through the reactive pool the
 * service really uses, within a short timeout (a hung database must not hang the probe). What
 * the probe finds also begins or ends the {@link DatabaseOutage}, which logs the outage once.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadinessCheck implements AsyncHealthCheck {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final SchemaSql sql;
    private final String schema;
    private final DatabaseOutage outage;

    DatabaseReadinessCheck(SchemaSql sql, @ConfigProperty(name = "flotilla.schema") String schema,
            DatabaseOutage outage) {
        this.sql = sql;
        this.schema = schema;
        this.outage = outage;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return sql.exists(schema)
                .ifNoItem().after(TIMEOUT).fail()
                .onItemOrFailure().transform((exists, failure) -> {
                    if (failure == null) {
                        outage.answered();
                        return exists
                                ? HealthCheckResponse.named("database").up().withData("schema", schema).build()
                                : down("schema not migrated");
                    }
                    if (failure instanceof TimeoutException || DatabaseFailures.isUnavailable(failure)) {
                        outage.unreachable(failure);
                    }
                    return down(String.valueOf(failure.getMessage()));
                });
    }

    private HealthCheckResponse down(String error) {
        return HealthCheckResponse.named("database").down().withData("schema", schema).withData("error", error).build();
    }
}
