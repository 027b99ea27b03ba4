package dev.flotilla.config.approval;

import dev.flotilla.common.db.Db;
import dev.flotilla.common.error.ProblemException;
import dev.flotilla.common.error.ProblemType;
import dev.flotilla.common.identity.Caller;
import dev.flotilla.common.identity.Roles;
import dev.flotilla.config.environment.EnvironmentSql;
import dev.flotilla.config.namespace.NamespaceSql;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Whether the caller may change entries or flags directly, or must open a change request: a namespace or an environment
 * that requires approval takes changes from people only through approved requests (admins included, so that every change
 * there is seen by a second admin). Callers with the {@code service} role are exempt: they act for the platform with
 * credentials an admin gave them, and a pipeline that is to be reviewed opens change requests instead.
 */
@ApplicationScoped
public class ApprovalGate {

    private static final String HOW = "; open a change request (POST /api/v1/change-requests) for another admin to approve";

    private final Db db;
    private final Caller caller;

    public ApprovalGate(Db db, Caller caller) {
        this.db = db;
        this.caller = caller;
    }

    /** Fails with 409 when the namespace or one of the environments ({@code ""}: the default) requires approval. */
    public Uni<Void> requireDirectEntries(UUID tenant, String namespace, Collection<String> envs) {
        if (exempt()) {
            return Uni.createFrom().voidItem();
        }
        return NamespaceSql.approval(db.pool(), tenant, namespace).chain(ns -> {
            if (ns != null && ns.requiresApproval()) {
                return Uni.createFrom().failure(required("Namespace " + namespace + " requires approval of its changes"));
            }
            return environments(tenant, envs.stream().filter(env -> !env.isEmpty()).distinct().toList());
        });
    }

    /** Fails with 409 when the environment requires approval of changes to its flags. */
    public Uni<Void> requireDirectFlags(UUID tenant, String env) {
        return exempt() ? Uni.createFrom().voidItem() : environments(tenant, List.of(env));
    }

    private Uni<Void> environments(UUID tenant, List<String> envs) {
        if (envs.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return EnvironmentSql.requiringApproval(db.pool(), tenant, envs).map(requiring -> {
            if (!requiring.isEmpty()) {
                throw required("Environment " + String.join(", ", requiring) + " requires approval of its changes");
            }
            return null;
        });
    }

    private boolean exempt() {
        return caller.hasRole(Roles.SERVICE);
    }

    private static ProblemException required(String why) {
        return new ProblemException(ProblemType.CONFLICT, why + HOW);
    }
}
