package dev.flotilla.conversation;

import dev.flotilla.testing.ArchitectureRulesTest;

/** The suite's package rules, held by this service's code from its first class. */
class ConversationArchitectureTest extends ArchitectureRulesTest {
}
