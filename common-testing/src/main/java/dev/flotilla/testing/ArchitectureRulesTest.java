package dev.flotilla.testing;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@link ArchitectureRules} checked on a service's main classes. A service runs them with a
 * plain test in its base package:
 *
 * <pre>
 * class TaskArchitectureTest extends ArchitectureRulesTest {
 * }
 * </pre>
 */
public abstract class ArchitectureRulesTest {

    private static final Map<String, JavaClasses> IMPORTED = new ConcurrentHashMap<>();

    /** The service's base package: by default the package of the test class. */
    protected String basePackage() {
        return getClass().getPackageName();
    }

    private JavaClasses mainClasses() {
        return IMPORTED.computeIfAbsent(basePackage(), base -> new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(base));
    }

    @Test
    public void packagesDependOnEachOtherOneWayOnly() {
        ArchitectureRules.noCyclesBetweenPackages(basePackage()).check(mainClasses());
    }

    @Test
    public void resourcesDoNotTouchPersistence() {
        ArchitectureRules.resourcesDoNotTouchPersistence(basePackage()).check(mainClasses());
    }

    @Test
    public void onlyRepositoriesAndSqlClassesRunSql() {
        ArchitectureRules.sqlOnlyInRepositoriesAndSqlClasses(basePackage()).check(mainClasses());
    }

    @Test
    public void noClassDependsOnAnotherService() {
        ArchitectureRules.noDependencyOnOtherServices(basePackage()).check(mainClasses());
    }
}
