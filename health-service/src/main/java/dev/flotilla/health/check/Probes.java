package dev.flotilla.health.check;

import dev.flotilla.common.outbound.AddressRefused;
import dev.flotilla.common.outbound.OutboundUrls;
import dev.flotilla.health.registry.HealthConfig;
import dev.flotilla.health.registry.TargetAddresses;
import dev.flotilla.health.registry.TargetSource;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.mutiny.core.Vertx;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;

import java.net.ConnectException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * HTTP requests and TCP connections to targets, through the SSRF guard: the host is resolved and judged on every
 * check, and the connection goes to the address that was judged (the URL's host still names it in {@code Host} and
 * TLS), so a name that now resolves elsewhere reaches nothing it may not. Redirects are not followed: the conditions
 * judge a 3xx like any answer. Certificates are verified; the server's tells {@code [CERTIFICATE_EXPIRATION]}. Never
 * fails: what went wrong is the exchange's error.
 */
@ApplicationScoped
public class Probes {

    static final String USER_AGENT = "Flotilla-Health/1";

    private final TargetAddresses addresses;
    private final HealthConfig.Check config;
    private final HttpClient http;
    private final NetClient tcp;

    public Probes(Vertx vertx, TargetAddresses addresses, HealthConfig config) {
        this.addresses = addresses;
        this.config = config.check();
        int connectTimeout = (int) config.maxTimeout().toMillis();
        this.http = vertx.getDelegate().createHttpClient(
                new HttpClientOptions().setConnectTimeout(connectTimeout).setKeepAlive(true).setForceSni(true)
                        .setVerifyHost(true),
                new PoolOptions().setHttp1MaxSize(Math.max(1, config.check().concurrency())));
        this.tcp = vertx.getDelegate().createNetClient(new NetClientOptions().setConnectTimeout(connectTimeout));
    }

    /** One HTTP request; the body read up to {@code flotilla.health.check.body-limit} bytes. */
    Uni<Exchange> http(TargetSource source, OutboundUrls.Target url, String method, Map<String, String> headers, String body,
            Duration timeout) {
        long started = System.nanoTime();
        return addresses.resolve(source, url.host())
                .chain(address -> request(url, address, method, headers, body, started))
                .ifNoItem().after(timeout).failWith(TimeoutException::new)
                .onFailure().recoverWithItem(failure -> Exchange.failed(elapsed(started), describe(failure, url, timeout)));
    }

    /** A TCP connection, closed as soon as it opens. */
    Uni<Exchange> tcp(TargetSource source, OutboundUrls.Target url, Duration timeout) {
        long started = System.nanoTime();
        return addresses.resolve(source, url.host())
                .chain(address -> Uni.createFrom().<Exchange> emitter(emitter -> tcp
                        .connect(SocketAddress.inetSocketAddress(url.port(), address.getHostAddress()))
                        .onSuccess(socket -> {
                            socket.close();
                            emitter.complete(new Exchange(null, null, null, elapsed(started), null));
                        })
                        .onFailure(emitter::fail)))
                .ifNoItem().after(timeout).failWith(TimeoutException::new)
                .onFailure().recoverWithItem(failure -> Exchange.failed(elapsed(started), describe(failure, url, timeout)));
    }

    private Uni<Exchange> request(OutboundUrls.Target url, InetAddress address, String method, Map<String, String> headers,
            String body, long started) {
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.valueOf(method))
                .setHost(url.host())
                .setPort(url.port())
                .setSsl(url.tls())
                .setURI(url.requestUri())
                .setServer(SocketAddress.inetSocketAddress(url.port(), address.getHostAddress()))
                .setFollowRedirects(false)
                .putHeader("user-agent", USER_AGENT);
        headers.forEach(options::putHeader);
        return Uni.createFrom().emitter(emitter -> {
            AtomicReference<HttpClientRequest> sent = new AtomicReference<>();
            AtomicBoolean over = new AtomicBoolean();
            AtomicBoolean ended = new AtomicBoolean();
            // A request abandoned (timed out, or its body read far enough) is reset, which closes its connection.
            emitter.onTermination(() -> {
                over.set(true);
                HttpClientRequest request = sent.get();
                if (request != null && !ended.get()) {
                    request.reset();
                }
            });
            http.request(options).onSuccess(request -> {
                sent.set(request);
                if (over.get()) {
                    request.reset();
                    return;
                }
                (body == null ? request.send() : request.send(Buffer.buffer(body)))
                        .onSuccess(response -> read(response, started, ended, emitter))
                        .onFailure(emitter::fail);
            }).onFailure(emitter::fail);
        });
    }

    private void read(HttpClientResponse response, long started, AtomicBoolean ended, UniEmitter<? super Exchange> emitter) {
        int limit = config.bodyLimit();
        Buffer read = Buffer.buffer();
        response.handler(chunk -> {
            int room = limit - read.length();
            if (room > 0) {
                read.appendBuffer(chunk.length() <= room ? chunk : chunk.getBuffer(0, room));
            }
            if (read.length() >= limit) {
                emitter.complete(exchange(response, read, started));
            }
        });
        response.endHandler(ignored -> {
            ended.set(true);
            emitter.complete(exchange(response, read, started));
        });
        response.exceptionHandler(emitter::fail);
    }

    private static Exchange exchange(HttpClientResponse response, Buffer body, long started) {
        // PostgreSQL text cannot hold U+0000; a body cut inside a character ends in U+FFFD.
        String text = new String(body.getBytes(), StandardCharsets.UTF_8).replace('\u0000', '\uFFFD');
        return new Exchange(response.statusCode(), text, certificateExpiry(response.request().connection()),
                elapsed(started), null);
    }

    private static Instant certificateExpiry(HttpConnection connection) {
        if (!connection.isSsl()) {
            return null;
        }
        try {
            List<Certificate> chain = connection.peerCertificates();
            return !chain.isEmpty() && chain.get(0) instanceof X509Certificate leaf ? leaf.getNotAfter().toInstant() : null;
        } catch (SSLPeerUnverifiedException e) {
            return null;
        }
    }

    private static String describe(Throwable failure, OutboundUrls.Target url, Duration timeout) {
        if (failure instanceof AddressRefused) {
            return "refused: " + failure.getMessage();
        }
        if (failure instanceof UnknownHostException) {
            return "host " + url.host() + " does not resolve";
        }
        if (failure instanceof TimeoutException) {
            return "no answer within " + timeout.toMillis() + " ms";
        }
        if (failure instanceof SSLException) {
            return "TLS with " + url.host() + ":" + url.port() + " failed: " + rootMessage(failure);
        }
        if (failure instanceof ConnectException) {
            return "connection to " + url.host() + ":" + url.port() + " failed: " + failure.getMessage();
        }
        String message = failure.getMessage();
        String text = failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
        return text.replace('\u0000', '\uFFFD');
    }

    /** The innermost message: a handshake's own says only that it failed, its cause why (an untrusted certificate). */
    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return String.valueOf(root.getMessage()).replace('\u0000', '\uFFFD');
    }

    private static long elapsed(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }

    @PreDestroy
    void close() {
        http.close();
        tcp.close();
    }
}
