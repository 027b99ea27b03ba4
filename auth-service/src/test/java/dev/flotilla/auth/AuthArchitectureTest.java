package dev.flotilla.auth;

import dev.flotilla.testing.ArchitectureRulesTest;

/**
 * The package rules every service holds, on auth-service's main classes: its concerns depend on
 * each other one way, resources stay off persistence, SQL stays in repositories and {@code *Sql}
 * classes, and nothing reaches into another service.
 */
class AuthArchitectureTest extends ArchitectureRulesTest {
}
