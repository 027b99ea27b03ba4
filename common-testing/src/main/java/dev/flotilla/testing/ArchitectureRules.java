package dev.flotilla.testing;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.lang.ArchRule;

import java.util.List;
import java.util.Set;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The package rules every Flotilla service holds, as ArchUnit rules over the classes of one base
 * package ({@code dev.flotilla.<service>}). {@link ArchitectureRulesTest} runs them on a
 * service's main classes; each rule is also tested against fixture classes that break it.
 */
public final class ArchitectureRules {

    private static final String[] PERSISTENCE_PACKAGES = {
            "io.vertx.sqlclient..", "io.vertx.mutiny.sqlclient..", "io.vertx.pgclient..", "io.vertx.mutiny.pgclient..",
            "org.hibernate.reactive.." };

    private static final Set<String> SQL_CLIENT_METHODS = Set.of("query", "preparedQuery");
    private static final Set<String> SESSION_QUERY_METHODS = Set.of("createNativeQuery", "createQuery", "createSelectionQuery",
            "createMutationQuery");
    private static final Set<String> PANACHE_QUERY_METHODS = Set.of("find", "list", "stream", "count", "delete", "update");
    private static final String[] PANACHE_TYPES = {
            "io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase",
            "io.quarkus.hibernate.reactive.panache.PanacheEntityBase" };

    private ArchitectureRules() {
    }

    /** Every rule, for the classes under {@code basePackage}. */
    public static List<ArchRule> all(String basePackage) {
        return List.of(noCyclesBetweenPackages(basePackage), resourcesDoNotTouchPersistence(basePackage),
                sqlOnlyInRepositoriesAndSqlClasses(basePackage), noDependencyOnOtherServices(basePackage));
    }

    /** The concerns under {@code basePackage} depend on each other one way only. */
    public static ArchRule noCyclesBetweenPackages(String basePackage) {
        return slices().matching(basePackage + ".(*)..").namingSlices("$1")
                .should().beFreeOfCycles()
                .allowEmptyShould(true)
                .because("a concern's package depends on others one way, so each can be read and changed alone");
    }

    /** A resource calls services; it never reaches a pool, a session, a repository or SQL. */
    public static ArchRule resourcesDoNotTouchPersistence(String basePackage) {
        DescribedPredicate<JavaClass> persistence = resideInAnyPackage(PERSISTENCE_PACKAGES)
                .or(sqlHolder())
                .as("SQL clients, pools, sessions, repositories or *Sql classes");
        return noClasses().that().resideInAPackage(basePackage + "..")
                .and(resource())
                .should().dependOnClassesThat(persistence)
                .allowEmptyShould(true)
                .because("resources are thin: one service call, the result mapped, the status picked");
    }

    /** Only a concern's repository or its {@code *Sql} class runs SQL or query text. */
    public static ArchRule sqlOnlyInRepositoriesAndSqlClasses(String basePackage) {
        return noClasses().that().resideInAPackage(basePackage + "..")
                .and(DescribedPredicate.not(sqlHolder()))
                .should().callMethodWhere(runsQueryText())
                .allowEmptyShould(true)
                .because("SQL lives in one place per concern, where it can be read, reviewed and planned");
    }

    /** A service's code depends on its own packages and the shared module, never on another service's. */
    public static ArchRule noDependencyOnOtherServices(String basePackage) {
        DescribedPredicate<JavaClass> anotherModule = resideInAPackage("dev.flotilla..")
                .and(DescribedPredicate.not(resideInAnyPackage(basePackage + "..", "dev.flotilla.common..")))
                .as("classes of another Flotilla service");
        return noClasses().that().resideInAPackage(basePackage + "..")
                .should().dependOnClassesThat(anotherModule)
                .allowEmptyShould(true)
                .because("data crosses a service boundary only over HTTP");
    }

    private static DescribedPredicate<JavaClass> resource() {
        return DescribedPredicate.describe("are resources (annotated @Path or named *Resource)",
                c -> !c.isInterface()
                        && (c.isAnnotatedWith("jakarta.ws.rs.Path") || c.getSimpleName().endsWith("Resource")));
    }

    private static DescribedPredicate<JavaClass> sqlHolder() {
        DescribedPredicate<JavaClass> named = simpleNameEndingWith("Repository").or(simpleNameEndingWith("Sql"));
        // A nested class (a row mapper, a statement's parameters) belongs to its holder.
        return DescribedPredicate.describe("repositories or *Sql classes",
                c -> named.test(c) || c.getEnclosingClass().map(named::test).orElse(false));
    }

    private static DescribedPredicate<JavaMethodCall> runsQueryText() {
        return DescribedPredicate.describe("run SQL or query text", call -> {
            String name = call.getTarget().getName();
            JavaClass owner = call.getTarget().getOwner();
            String ownerPackage = owner.getPackageName();
            if (SQL_CLIENT_METHODS.contains(name)) {
                return ownerPackage.startsWith("io.vertx.sqlclient") || ownerPackage.startsWith("io.vertx.mutiny.sqlclient")
                        || ownerPackage.startsWith("io.vertx.pgclient") || ownerPackage.startsWith("io.vertx.mutiny.pgclient");
            }
            if (SESSION_QUERY_METHODS.contains(name)) {
                return ownerPackage.startsWith("org.hibernate.reactive");
            }
            if (PANACHE_QUERY_METHODS.contains(name)) {
                List<JavaClass> parameters = call.getTarget().getRawParameterTypes();
                return !parameters.isEmpty() && parameters.get(0).isEquivalentTo(String.class) && isPanache(owner);
            }
            return false;
        });
    }

    private static boolean isPanache(JavaClass owner) {
        for (String type : PANACHE_TYPES) {
            if (owner.isAssignableTo(type)) {
                return true;
            }
        }
        return owner.getPackageName().startsWith("io.quarkus.hibernate.reactive.panache");
    }
}
