package dev.flotilla.health.registry;

import dev.flotilla.common.db.Db;
import dev.flotilla.common.id.Ids;
import io.quarkus.vertx.http.HttpServerStart;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Registers the suite's own services as targets of the platform at every start, once the service listens: each
 * {@code flotilla.suite.services.<name>} with a URL becomes the {@code quarkus} target {@code <name>-service} in group
 * {@code flotilla}, depending on the targets of the services it calls; services no longer configured are removed.
 * Replicas starting together write the same rows (an upsert by name), so the last one's settings stand.
 */
@ApplicationScoped
public class SuiteTargets {

    static final String GROUP = "flotilla";
    private static final Logger LOG = Logger.getLogger(SuiteTargets.class);

    private final Db db;
    private final SuiteConfig config;
    private final Clock clock;

    public SuiteTargets(Db db, SuiteConfig config, Clock clock) {
        this.db = db;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Registers once this service listens: a URL may name this service's own port, which is known only then (tests
     * listen on a free port). A registration that fails is retried; until it succeeds the last one's targets stand.
     */
    void onListening(@ObservesAsync HttpServerStart event) {
        List<TargetSpec> specs = specs();
        register(specs)
                .onFailure().retry().withBackOff(Duration.ofSeconds(1), Duration.ofSeconds(30)).atMost(10)
                .subscribe().with(
                        ignored -> LOG.infof("Checking the suite's services: %s",
                                specs.stream().map(TargetSpec::name).toList()),
                        failure -> LOG.error("Registering the suite's services as targets failed", failure));
    }

    /** The targets the settings define, by service name. */
    List<TargetSpec> specs() {
        List<TargetSpec> specs = new ArrayList<>();
        Config settings = ConfigProvider.getConfig();
        new TreeMap<>(config.services()).forEach((name, service) -> settings
                .getOptionalValue("flotilla.suite.services." + name + ".url", String.class)
                .filter(url -> !url.isBlank()).ifPresent(url -> {
                    try {
                        TargetUrls.parse(TargetKind.QUARKUS, url);
                    } catch (IllegalArgumentException e) {
                        throw new IllegalStateException("flotilla.suite.services." + name + ".url " + e.getMessage(), e);
                    }
                    List<String> dependsOn = service.dependsOn().orElse(List.of()).stream().map(SuiteTargets::targetName)
                            .toList();
                    specs.add(new TargetSpec(targetName(name), GROUP, TargetKind.QUARKUS, url.strip(), "GET", Map.of(), null,
                            config.interval(), config.timeout(), TargetRules.DEFAULT_HTTP_CONDITIONS, dependsOn, true));
                }));
        return specs;
    }

    private Uni<Void> register(List<TargetSpec> specs) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<Map.Entry<UUID, String>> kept = specs
                .stream().<Map.Entry<UUID, String>> map(spec -> Map.entry(Target.PLATFORM, spec.name())).toList();
        return db.tx(tx -> Multi.createFrom().iterable(specs)
                .onItem().transformToUniAndConcatenate(spec -> TargetSql.upsert(tx, Target.PLATFORM, Ids.next(), spec,
                        TargetSource.SUITE, now, now.plus(config.firstCheckAfter())))
                .collect().last()
                .chain(() -> TargetSql.deleteAllBut(tx, TargetSource.SUITE, kept))
                .replaceWithVoid());
    }

    private static String targetName(String service) {
        return service.strip() + "-service";
    }
}
