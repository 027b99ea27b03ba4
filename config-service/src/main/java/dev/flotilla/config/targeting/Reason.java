package dev.flotilla.config.targeting;

/** Why an evaluation answered what it did (OpenFeature's resolution reasons). */
public enum Reason {
    /** The flag has no rules: everyone gets the default variant. */
    STATIC,
    /** A rule's conditions held and it named a variant. */
    TARGETING_MATCH,
    /** A percentage rollout chose the variant by the caller's bucket. */
    SPLIT,
    /** The flag is switched off: the default variant. */
    DISABLED,
    /** The flag has rules but none held: the default variant. */
    DEFAULT,
    /** The flag could not be evaluated; the error code says why. */
    ERROR
}
