package dev.flotilla.config.targeting;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BucketingTest {

    @Test
    void theHashIsMurmur3X86Of32BitsWithSeedZero() {
        // Published test vectors of MurmurHash3_x86_32, seed 0.
        assertEquals(0, Bucketing.murmur3(""));
        assertEquals(0x248bfa47, Bucketing.murmur3("hello"));
        assertEquals(0x2e4ff723, Bucketing.murmur3("The quick brown fox jumps over the lazy dog"));
    }

    @Test
    void theHashReadsEveryLengthOfTail() {
        // One to three bytes after the last whole block take separate paths.
        assertEquals(0x3c2569b2, Bucketing.murmur3("a"));
        assertEquals(0x9bbfd75f, Bucketing.murmur3("ab"));
        assertEquals(0xb3dd93fa, Bucketing.murmur3("abc"));
        assertEquals(0x43ed676a, Bucketing.murmur3("abcd"));
    }

    @Test
    void aBucketIsTheHashOfFlagKeyDotTargetingKeyModuloTheBuckets() {
        long hash = Integer.toUnsignedLong(Bucketing.murmur3("new-checkout.user-42"));
        assertEquals(hash % 100_000, Bucketing.bucket("new-checkout", "user-42"));
    }

    @Test
    void aTenPercentShareOfAHundredThousandKeysLandsWithinHalfAPercent() {
        Rollout rollout = new Rollout(java.util.List.of("on", "off"), java.util.List.of(10_000, 90_000));
        int on = 0;
        for (int i = 0; i < 100_000; i++) {
            if (rollout.variantOf(Bucketing.bucket("checkout", "user-" + i)).equals("on")) {
                on++;
            }
        }
        assertTrue(on >= 9_500 && on <= 10_500, on + " of 100000 keys got the 10 % variant");
    }

    @Test
    void growingAShareKeepsEveryoneItHad() {
        Rollout tenPercent = new Rollout(java.util.List.of("on", "off"), java.util.List.of(10_000, 90_000));
        Rollout twentyPercent = new Rollout(java.util.List.of("on", "off"), java.util.List.of(20_000, 80_000));
        int kept = 0;
        int gained = 0;
        for (int i = 0; i < 20_000; i++) {
            int bucket = Bucketing.bucket("checkout", "user-" + i);
            if (tenPercent.variantOf(bucket).equals("on")) {
                assertEquals("on", twentyPercent.variantOf(bucket), "user-" + i + " lost the variant");
                kept++;
            } else if (twentyPercent.variantOf(bucket).equals("on")) {
                gained++;
            }
        }
        assertTrue(kept > 0 && gained > 0, "kept " + kept + ", gained " + gained);
    }

    @Test
    void bucketsDependOnTheFlagSoRolloutsOfDifferentFlagsAreIndependent() {
        int same = 0;
        for (int i = 0; i < 1_000; i++) {
            boolean a = Bucketing.bucket("flag-a", "user-" + i) < 50_000;
            boolean b = Bucketing.bucket("flag-b", "user-" + i) < 50_000;
            same += a == b ? 1 : 0;
        }
        assertTrue(same > 400 && same < 600, same + " of 1000 users fell on the same side of two 50 % rollouts");
    }
}
