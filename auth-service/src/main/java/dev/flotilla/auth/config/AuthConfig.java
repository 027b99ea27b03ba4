package dev.flotilla.auth.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/**
 * Every setting of auth-service, under {@code flotilla.auth}. The first four are shared with the
 * other services (they verify what this service signs); the rest are auth-service's own.
 * Each property can be set by environment variable, e.g. {@code FLOTILLA_AUTH_TOKENS_ACCESS_TTL}.
 */
@ConfigMapping(prefix = "flotilla.auth")
public interface AuthConfig {

    /** The JWKS URL the other services verify with; auth-service serves it at /.well-known/jwks.json. */
    String jwksUrl();

    /** The {@code iss} of every token signed here, and the base URL named in the discovery document. */
    String issuer();

    /** The {@code aud} of every token signed here. */
    String audience();

    /**
     * How many seconds after its expiry a token is still accepted, for clocks that disagree: the suite's
     * one setting ({@code FLOTILLA_AUTH_CLOCK_SKEW}), which the other services verify with too.
     */
    @WithDefault("30")
    int clockSkew();

    /**
     * The master key that encrypts the private parts of the signing keys stored in the database
     * (base64 of 32 random bytes; any other text is stretched with SHA-256). Every replica needs the
     * same one. When absent, a development key is generated into {@link #masterKeyFile()}.
     */
    Optional<String> masterKey();

    /** Where a generated development master key is kept when {@link #masterKey()} is not set. */
    @WithDefault("${flotilla.home:.flotilla}/auth-master.key")
    String masterKeyFile();

    /**
     * The public base URL of this service, used for the endpoints named in the discovery document.
     * Empty: the base URL of the request that asked for the document.
     */
    Optional<String> publicUrl();

    /** Whether anyone may create a tenant with {@code POST /api/v1/auth/register}. */
    @WithDefault("true")
    boolean registrationEnabled();

    /**
     * Another JWKS whose keys are trusted besides this service's own, e.g. while migrating from an
     * earlier issuer, or the test issuer in tests. Empty: only auth-service's own keys are trusted.
     */
    Optional<String> alsoTrustJwksUrl();

    Tokens tokens();

    Keys keys();

    Passwords passwords();

    Throttle throttle();

    Audit audit();

    /** Lifetimes of what this service issues. */
    interface Tokens {
        /** Lifetime of a user's access token. */
        @WithDefault("PT15M")
        Duration accessTtl();

        /** Lifetime of a login session and of each refresh token in it (a refresh does not extend the session). */
        @WithDefault("P30D")
        Duration refreshTtl();

        /** Lifetime of a service client's access token (client_credentials grant). */
        @WithDefault("PT15M")
        Duration serviceTtl();

        /**
         * How many verified access tokens are remembered until they expire, so that a token sent
         * again is not verified again (0: every request verifies its token).
         */
        @WithDefault("4096")
        int verifiedCacheSize();
    }

    /** Signing keys and their rotation. */
    interface Keys {
        /** RSA modulus size of new signing keys. */
        @WithDefault("2048")
        int rsaBits();

        /** How long a key signs before the scheduled rotation replaces it. */
        @WithDefault("P30D")
        Duration rotationInterval();

        /**
         * How long a new key is published in the JWKS before it signs. Must exceed the time the
         * verifiers cache the JWKS before refetching on an unknown kid (30 min in SmallRye JWT).
         */
        @WithDefault("PT35M")
        Duration publishAhead();

        /** How often the rotation job checks whether a key is due and drops expired public keys. */
        @WithDefault("10m")
        String checkEvery();

        /** How often each replica reloads the keys from the database, to see rotations made by others. */
        @WithDefault("30s")
        String reloadEvery();
    }

    /** Password rules and the Argon2id cost (OWASP's recommended minimum by default). */
    interface Passwords {
        /** Shortest accepted password. */
        @WithDefault("10")
        int minLength();

        /** Longest accepted password. */
        @WithDefault("128")
        int maxLength();

        /** Argon2id memory cost in KiB. */
        @WithDefault("19456")
        int argon2MemoryKib();

        /** Argon2id iterations. */
        @WithDefault("2")
        int argon2Iterations();

        /** Argon2id lanes. */
        @WithDefault("1")
        int argon2Parallelism();

        /**
         * How many hashes are computed at once (default: the number of processors); further logins
         * wait their turn. Each takes {@code argon2-memory-kib} of heap and a core for as long as the
         * Argon2id parameters make it, so this bounds the memory and CPU a burst of logins can take.
         */
        Optional<Integer> maxConcurrentHashes();
    }

    /** Brute-force protection of the login. */
    interface Throttle {
        /** Failed logins of one account before back-off starts. */
        @WithDefault("5")
        int accountFreeFailures();

        /** Failed logins from one client address before back-off starts. */
        @WithDefault("20")
        int addressFreeFailures();

        /** The first lock-out; each further failure doubles it. */
        @WithDefault("PT1S")
        Duration baseLockout();

        /** The longest lock-out. */
        @WithDefault("PT15M")
        Duration maxLockout();

        /** Failures older than this are forgotten. */
        @WithDefault("PT1H")
        Duration forgetAfter();
    }

    /** The audit trail. */
    interface Audit {
        /** Days an audit event is kept before the retention job deletes it. */
        @WithDefault("365")
        int retentionDays();

        /** When the retention job runs (cron). */
        @WithDefault("0 17 3 * * ?")
        String retentionCron();
    }
}
