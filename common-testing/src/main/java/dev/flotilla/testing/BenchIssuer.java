package dev.flotilla.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;

/**
 * A stand-in token issuer for the benchmarks while they run the suite on its own: serves the JWKS
 * on {@code port}, writes access tokens valid for a day to the token files, prints
 * {@code READY <jwks url>} and serves until it is stopped.
 * <p>
 * Every token is of one fresh tenant and has a fresh subject of its own (its {@code sub} claim), so
 * a benchmark can publish with one token and read as the user of another. A token file may name
 * the token's roles after {@code =}, comma-separated; without them the token is a {@code member}'s.
 *
 * <pre>
 * java dev.flotilla.testing.BenchIssuer &lt;port&gt; &lt;tokenFile&gt;[=&lt;role&gt;[,&lt;role&gt;...]]...
 * </pre>
 */
public final class BenchIssuer {

    private BenchIssuer() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: BenchIssuer <port> <tokenFile>[=<role>[,<role>...]]...");
            System.exit(2);
        }
        JwksServer jwks = JwksServer.start(Integer.parseInt(args[0]));
        UUID tenant = UUID.randomUUID();
        for (int i = 1; i < args.length; i++) {
            int roles = args[i].indexOf('=');
            String file = roles < 0 ? args[i] : args[i].substring(0, roles);
            String[] granted = roles < 0 ? new String[] { "member" } : args[i].substring(roles + 1).split(",");
            Files.writeString(Path.of(file), TestTokens.longLived(tenant, granted));
        }
        System.out.println("READY " + jwks.url());
        System.out.flush();
        new CountDownLatch(1).await();
    }
}
