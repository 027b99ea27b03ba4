package dev.flotilla.auth.password;

import dev.flotilla.auth.config.AuthConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.WorkerExecutor;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Argon2id password hashing (Bouncy Castle, pure Java) in the PHC string format
 * {@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash}, so the cost of each stored hash travels with it
 * and can be raised later. Hashing is slow and memory-hard by design (19 MiB per hash with the
 * default parameters), so it runs on a bounded pool of its own: a burst of logins waits its turn
 * instead of filling the heap.
 * The result comes back on the caller's event-loop context.
 */
@ApplicationScoped
public class PasswordHasher {

    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getDecoder();

    private final AuthConfig.Passwords config;
    private final WorkerExecutor workers;
    private final SecureRandom random = new SecureRandom();
    /** Verified against when an account does not exist, so that its absence takes as long as a wrong password. */
    private final String dummyHash;

    public PasswordHasher(AuthConfig config, Vertx vertx) {
        this.config = config.passwords();
        this.workers = vertx.createSharedWorkerExecutor("argon2",
                this.config.maxConcurrentHashes().orElse(Runtime.getRuntime().availableProcessors()));
        this.dummyHash = hashNow("not-a-password-" + random.nextLong());
    }

    public Uni<String> hash(String password) {
        return workers.executeBlocking(Uni.createFrom().item(() -> hashNow(password)), false);
    }

    /**
     * Whether {@code password} matches {@code stored}; a null {@code stored} costs the same and never
     * matches. Neither does a password that is not well-formed Unicode (a lone UTF-16 surrogate): it has
     * no UTF-8 form to hash and no such password can have been set, so it is a wrong password, at the
     * same cost.
     */
    public Uni<Boolean> verify(String password, String stored) {
        return workers.executeBlocking(Uni.createFrom().item(() -> {
            boolean comparable = stored != null && UnicodeText.isWellFormed(password);
            boolean matches = comparable ? verifyNow(password, stored) : verifyNow("", dummyHash);
            return comparable && matches;
        }), false);
    }

    @PreDestroy
    void close() {
        workers.closeAndAwait();
    }

    String hashNow(String password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        int m = config.argon2MemoryKib();
        int t = config.argon2Iterations();
        int p = config.argon2Parallelism();
        byte[] hash = derive(password, salt, m, t, p, HASH_BYTES);
        return "$argon2id$v=19$m=" + m + ",t=" + t + ",p=" + p + "$" + B64.encodeToString(salt) + "$"
                + B64.encodeToString(hash);
    }

    boolean verifyNow(String password, String stored) {
        String[] parts = stored.split("\\$");
        // ["", "argon2id", "v=19", "m=..,t=..,p=..", salt, hash]
        if (parts.length != 6 || !"argon2id".equals(parts[1]) || !"v=19".equals(parts[2])) {
            return false;
        }
        int m = 0;
        int t = 0;
        int p = 0;
        for (String setting : parts[3].split(",")) {
            String[] kv = setting.split("=", 2);
            int value = Integer.parseInt(kv[1]);
            switch (kv[0]) {
                case "m" -> m = value;
                case "t" -> t = value;
                case "p" -> p = value;
                default -> {
                    return false;
                }
            }
        }
        byte[] salt = B64D.decode(parts[4]);
        byte[] expected = B64D.decode(parts[5]);
        return MessageDigest.isEqual(expected, derive(password, salt, m, t, p, expected.length));
    }

    private static byte[] derive(String password, byte[] salt, int memoryKib, int iterations, int parallelism, int length) {
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memoryKib)
                .withIterations(iterations)
                .withParallelism(parallelism)
                .withSalt(salt)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] out = new byte[length];
        generator.generateBytes(password.toCharArray(), out);
        return out;
    }
}
