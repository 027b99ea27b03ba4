package dev.flotilla.testing;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each architecture rule catches the violation it names, and passes code that keeps it. */
class ArchitectureRulesFixturesTest {

    private static final String FIXTURES = "dev.flotilla.fixture";

    private static JavaClasses classesOf(String base) {
        return new ClassFileImporter().importPackages(base);
    }

    private static String violationOf(ArchRule rule, String base) {
        return assertThrows(AssertionError.class, () -> rule.check(classesOf(base))).getMessage();
    }

    @Test
    void codeThatKeepsTheRulesPassesThemAll() {
        String base = FIXTURES + ".layered";
        for (ArchRule rule : ArchitectureRules.all(base)) {
            rule.check(classesOf(base));
        }
    }

    @Test
    void aCycleBetweenPackagesIsCaught() {
        String base = FIXTURES + ".cyclic";
        String violation = violationOf(ArchitectureRules.noCyclesBetweenPackages(base), base);
        assertTrue(violation.contains("alpha") && violation.contains("beta"), violation);
    }

    @Test
    void aResourceRunningSqlIsCaught() {
        String base = FIXTURES + ".leaky";
        String violation = violationOf(ArchitectureRules.resourcesDoNotTouchPersistence(base), base);
        assertTrue(violation.contains("LeakyResource") && violation.contains("Pool"), violation);
    }

    @Test
    void aResourceReachingARepositoryIsCaught() {
        String base = FIXTURES + ".leaky";
        String violation = violationOf(ArchitectureRules.resourcesDoNotTouchPersistence(base), base);
        assertTrue(violation.contains("GadgetResource") && violation.contains("GadgetRepository"), violation);
    }

    @Test
    void sqlOutsideRepositoriesAndSqlClassesIsCaught() {
        String base = FIXTURES + ".leaky";
        String violation = violationOf(ArchitectureRules.sqlOnlyInRepositoriesAndSqlClasses(base), base);
        assertTrue(violation.contains("LeakyService.delete") && violation.contains("LeakyResource.count"), violation);
    }

    @Test
    void aDependencyOnAnotherServiceIsCaught() {
        String base = FIXTURES + ".crossing";
        String violation = violationOf(ArchitectureRules.noDependencyOnOtherServices(base), base);
        assertTrue(violation.contains("Borrower") && violation.contains("Lent"), violation);
    }
}
