package dev.flotilla.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;

/**
 * A stand-in token issuer for the benchmarks while they run the suite on its own: serves the JWKS
 * on {@code port}, writes one access token (a member of a fresh tenant, valid for a day) to
 * {@code tokenFile}, prints {@code READY <jwks url>} and serves until it is stopped.
 *
 * <pre>
 * java dev.flotilla.testing.BenchIssuer &lt;port&gt; &lt;tokenFile&gt;
 * </pre>
 */
public final class BenchIssuer {

    private BenchIssuer() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: BenchIssuer <port> <tokenFile>");
            System.exit(2);
        }
        JwksServer jwks = JwksServer.start(Integer.parseInt(args[0]));
        Files.writeString(Path.of(args[1]), TestTokens.longLived(UUID.randomUUID(), "member"));
        System.out.println("READY " + jwks.url());
        System.out.flush();
        new CountDownLatch(1).await();
    }
}
