package dev.flotilla.policy.evaluation;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;

/** What a rule does when it matches: allow, or deny (which overrides every allow). */
public enum Effect {
    @JsonProperty("allow")
    @JsonAlias("ALLOW")
    ALLOW,
    @JsonProperty("deny")
    @JsonAlias("DENY")
    DENY
}
