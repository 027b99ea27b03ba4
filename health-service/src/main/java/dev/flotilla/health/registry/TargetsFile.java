package dev.flotilla.health.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.flotilla.common.db.Db;
import dev.flotilla.common.error.ProblemException;
import dev.flotilla.common.id.Ids;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The targets file (GitOps), loaded at every start before the service answers: each entry is created or replaced by
 * its tenant and name (a target of that name made through the API becomes the file's), and targets of the file no
 * longer in it are deleted (all of them when no file is set). A file that cannot be read, an unknown field or an
 * entry that is not a valid target stops the start, naming it ({@code targets[1].conditions[0]: ...}). Hosts are
 * judged by the SSRF guard at every check, not when the file is loaded, so that a name that does not resolve for a
 * moment does not stop the service.
 */
@ApplicationScoped
public class TargetsFile {

    /** One entry of the file: its tenant and the target. */
    record Entry(UUID tenant, TargetSpec spec) {
    }

    private static final Logger LOG = Logger.getLogger(TargetsFile.class);
    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final Db db;
    private final TargetRules rules;
    private final HealthConfig config;
    private final Clock clock;

    public TargetsFile(Db db, TargetRules rules, HealthConfig config, Clock clock) {
        this.db = db;
        this.rules = rules;
        this.config = config;
        this.clock = clock;
    }

    void onStart(@Observes StartupEvent event) throws Throwable {
        Path file = config.targetsFile().filter(path -> !path.isBlank()).map(Path::of).orElse(null);
        List<Entry> entries = file == null ? List.of() : read(file);
        VertxContextSupport.subscribeAndAwait(() -> load(entries));
        if (file != null) {
            LOG.infof("Loaded %d targets from %s", entries.size(), file);
        }
    }

    /**
     * The entries of {@code file}.
     *
     * @throws IllegalArgumentException naming the file and what in it is wrong
     */
    List<Entry> read(Path file) {
        JsonNode root;
        try {
            root = YAML.readTree(Files.readString(file));
        } catch (IOException e) {
            throw invalid(file, "cannot be read: " + e.getMessage());
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return List.of();
        }
        if (!root.isObject() || root.size() != 1 || !root.path("targets").isArray()) {
            throw invalid(file, "must be a mapping with one key, targets, holding a list of targets");
        }
        List<Entry> entries = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < root.get("targets").size(); i++) {
            String at = "targets[" + i + "]";
            Entry entry = entry(file, at, root.get("targets").get(i));
            if (!names.add(entry.tenant() + "/" + entry.spec().name())) {
                throw invalid(file, at + ".name: '" + entry.spec().name() + "' is defined twice for tenant " + entry.tenant());
            }
            entries.add(entry);
        }
        return entries;
    }

    private Entry entry(Path file, String at, JsonNode node) {
        if (!node.isObject()) {
            throw invalid(file, at + ": must be a mapping of a target's fields");
        }
        ObjectNode fields = ((ObjectNode) node).deepCopy();
        JsonNode tenantNode = fields.remove("tenant");
        UUID tenant;
        try {
            tenant = UUID.fromString(tenantNode == null ? "" : tenantNode.asText());
        } catch (IllegalArgumentException e) {
            throw invalid(file, at + ".tenant: must be the id of the target's tenant");
        }
        if (Target.PLATFORM.equals(tenant)) {
            throw invalid(file, at + ".tenant: must be a tenant's id; the platform's targets are the suite's settings");
        }
        CreateTarget request;
        try {
            request = YAML.treeToValue(fields, CreateTarget.class);
        } catch (UnrecognizedPropertyException e) {
            throw invalid(file, at + "." + e.getPropertyName() + ": unknown field");
        } catch (JsonProcessingException e) {
            throw invalid(file, at + ": " + e.getOriginalMessage());
        }
        try {
            return new Entry(tenant, rules.spec(request));
        } catch (ProblemException e) {
            throw invalid(file, e.errors().stream().map(error -> at + "." + error.field() + ": " + error.message())
                    .collect(Collectors.joining("; ")));
        }
    }

    private Uni<Void> load(List<Entry> entries) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<Map.Entry<UUID, String>> kept = entries
                .stream().<Map.Entry<UUID, String>> map(entry -> Map.entry(entry.tenant(), entry.spec().name())).toList();
        return db.tx(tx -> Multi.createFrom().iterable(entries)
                .onItem().transformToUniAndConcatenate(entry -> TargetSql.upsert(tx, entry.tenant(), Ids.next(),
                        entry.spec(), TargetSource.FILE, now, now))
                .collect().last()
                .chain(() -> TargetSql.deleteAllBut(tx, TargetSource.FILE, kept))
                .replaceWithVoid());
    }

    private static IllegalArgumentException invalid(Path file, String what) {
        return new IllegalArgumentException("The targets file " + file + " is not valid: " + what);
    }
}
