package dev.flotilla.policy.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.flotilla.policy.config.PolicyConfig;
import dev.flotilla.policy.evaluation.CompiledPolicy;
import dev.flotilla.policy.evaluation.CompiledRule;
import dev.flotilla.policy.evaluation.Effect;
import dev.flotilla.policy.evaluation.Glob;
import dev.flotilla.policy.evaluation.PolicyCompiler;
import dev.flotilla.policy.policy.PolicyDocuments;
import dev.flotilla.policy.policy.PolicyVersion;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.UUID;

/**
 * Compiled policy versions, by version id. Versions never change, so an entry never goes stale;
 * the cache is bounded only to cap memory. Compiling is the expensive step (every condition is
 * parsed and type-checked), so it happens once per version per replica.
 */
@ApplicationScoped
public class CompiledVersions {

    private static final Logger LOG = Logger.getLogger(CompiledVersions.class);

    private final PolicyCompiler compiler;
    private final PolicyDocuments documents;
    private final Cache<UUID, CompiledPolicy> compiled;

    public CompiledVersions(PolicyCompiler compiler, PolicyDocuments documents, PolicyConfig config) {
        this.compiler = compiler;
        this.documents = documents;
        this.compiled = Caffeine.newBuilder().maximumSize(config.cache().maxCompiledVersions()).build();
    }

    public CompiledPolicy get(PolicyVersion version) {
        return compiled.get(version.id, id -> compile(version));
    }

    private CompiledPolicy compile(PolicyVersion version) {
        var compilation = compiler.compile(version.policyId, version.version, documents.rules(version.document));
        if (compilation.succeeded()) {
            return compilation.policy();
        }
        // Stored versions were compiled before they were saved; this only happens if the CEL
        // environment changed incompatibly. Fail closed: the version denies everything.
        LOG.errorf("Version %d of policy %s no longer compiles (%s); it denies every request until replaced",
                version.version, version.policyId, compilation.errors());
        return new CompiledPolicy(version.policyId, version.version, List.of(new CompiledRule(version.policyId,
                version.version, "uncompilable-version", Effect.DENY, List.of(Glob.of("*")), List.of(Glob.of("*")), null)));
    }
}
