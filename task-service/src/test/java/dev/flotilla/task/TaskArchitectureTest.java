package dev.flotilla.task;

import dev.flotilla.testing.ArchitectureRulesTest;

/** The package rules every service holds, checked on task-service's main classes. */
class TaskArchitectureTest extends ArchitectureRulesTest {
}
