package dev.flotilla.config.targeting;

import java.util.List;

/** A checked percentage rollout: variant {@code i} takes the buckets below {@code bounds[i]} not taken before it. */
final class Rollout {

    private final String[] variants;
    private final int[] bounds;

    /** {@code shares}: each variant's share in buckets, adding up to {@link Bucketing#BUCKETS}. */
    Rollout(List<String> variants, List<Integer> shares) {
        this.variants = variants.toArray(String[]::new);
        this.bounds = new int[shares.size()];
        int bound = 0;
        for (int i = 0; i < bounds.length; i++) {
            bound += shares.get(i);
            bounds[i] = bound;
        }
    }

    String variantOf(int bucket) {
        for (int i = 0; i < bounds.length; i++) {
            if (bucket < bounds[i]) {
                return variants[i];
            }
        }
        return variants[variants.length - 1];
    }
}
