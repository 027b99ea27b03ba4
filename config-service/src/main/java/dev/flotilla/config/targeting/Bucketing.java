package dev.flotilla.config.targeting;

import java.nio.charset.StandardCharsets;

/**
 * Sticky bucketing for percentage rollouts. A caller's bucket is MurmurHash3 (x86, 32 bit, seed 0) of the
 * UTF-8 bytes of {@code flagKey + "." + targetingKey}, read as an unsigned number, modulo 100,000: a number
 * in 0..99,999 that depends on nothing but the two keys, so it is the same on every replica, after every
 * restart and in any other implementation of the same hash. A rollout gives each variant a range of buckets
 * (a thousandth of a percent each); growing the first variant's share only adds buckets to it.
 */
public final class Bucketing {

    /** How many buckets there are: a share of one bucket is 0.001 %. */
    public static final int BUCKETS = 100_000;

    private static final int C1 = 0xcc9e2d51;
    private static final int C2 = 0x1b873593;

    private Bucketing() {
    }

    public static int bucket(String flagKey, String targetingKey) {
        int hash = murmur3(flagKey + "." + targetingKey);
        return (int) (Integer.toUnsignedLong(hash) % BUCKETS);
    }

    /** MurmurHash3_x86_32 of the UTF-8 bytes of {@code text}, seed 0. */
    static int murmur3(String text) {
        byte[] data = text.getBytes(StandardCharsets.UTF_8);
        int length = data.length;
        int hash = 0;
        int blocks = length / 4;
        for (int i = 0; i < blocks; i++) {
            int at = i * 4;
            int k = data[at] & 0xff | (data[at + 1] & 0xff) << 8 | (data[at + 2] & 0xff) << 16 | (data[at + 3] & 0xff) << 24;
            hash ^= mixK(k);
            hash = Integer.rotateLeft(hash, 13) * 5 + 0xe6546b64;
        }
        int tail = blocks * 4;
        int remaining = length & 3;
        int k = 0;
        if (remaining == 3) {
            k ^= (data[tail + 2] & 0xff) << 16;
        }
        if (remaining >= 2) {
            k ^= (data[tail + 1] & 0xff) << 8;
        }
        if (remaining >= 1) {
            k ^= data[tail] & 0xff;
            hash ^= mixK(k);
        }
        hash ^= length;
        hash ^= hash >>> 16;
        hash *= 0x85ebca6b;
        hash ^= hash >>> 13;
        hash *= 0xc2b2ae35;
        hash ^= hash >>> 16;
        return hash;
    }

    private static int mixK(int k) {
        return Integer.rotateLeft(k * C1, 15) * C2;
    }
}
