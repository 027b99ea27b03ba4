package dev.flotilla.policy.policy;

import dev.flotilla.policy.evaluation.Effect;
import dev.flotilla.policy.evaluation.RuleDefinition;

import java.util.List;

/**
 * The policy every tenant starts with, editable like any other: admins may do everything;
 * members and viewers may read and list; members may create, and update or delete what they
 * own (the resource's {@code ownerId} attribute is their subject id).
 */
public final class DefaultPolicy {

    public static final String NAME = "default";
    public static final String DESCRIPTION = "Admins everything; members their own resources; viewers read";

    public static final List<RuleDefinition> RULES = List.of(
            new RuleDefinition("admins-everything", Effect.ALLOW, List.of("*"), List.of("*"),
                    "'admin' in subject.roles", "Admins may do anything"),
            new RuleDefinition("everyone-reads", Effect.ALLOW, List.of("read", "list"), List.of("*"),
                    "subject.roles.exists(r, r in ['member', 'viewer'])", "Members and viewers read"),
            new RuleDefinition("members-create", Effect.ALLOW, List.of("create"), List.of("*"),
                    "'member' in subject.roles", "Members create resources (which they then own)"),
            new RuleDefinition("members-own-resources", Effect.ALLOW, List.of("*"), List.of("*"),
                    "'member' in subject.roles && has(resource.attributes.ownerId) && resource.attributes.ownerId == subject.id",
                    "Members do anything to the resources they own"));

    private DefaultPolicy() {
    }
}
