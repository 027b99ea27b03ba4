package dev.flotilla.notification.delivery;

import dev.flotilla.common.outbound.AddressRefused;
import dev.flotilla.common.outbound.OutboundUrls;
import dev.flotilla.notification.webhook.WebhookAddresses;
import dev.flotilla.notification.webhook.WebhookSigner;
import dev.flotilla.notification.webhook.WebhookTarget;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.Json;
import io.vertx.core.net.SocketAddress;
import io.vertx.mutiny.core.Vertx;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Standard Webhooks deliveries: a signed POST of {@code {"type", "timestamp", "data"}} to the endpoint's URL, with
 * {@code webhook-id} (the event's id, the same on every attempt and replay, for receivers to deduplicate by),
 * {@code webhook-timestamp} (the attempt's) and {@code webhook-signature} (one per current secret).
 * <p>
 * The host is resolved and judged by the SSRF guard on every attempt, and the request goes to the address that was
 * judged (the URL's host still names it in {@code Host} and TLS), so a name that now resolves elsewhere (DNS
 * rebinding) reaches nothing it may not. Redirects are not followed: a 3xx is a failure. 2xx is success; 410 disables
 * the endpoint; a 429 or 503 may ask for a later retry with {@code Retry-After}; the whole exchange has
 * {@code flotilla.delivery.timeout}.
 */
@ApplicationScoped
public class WebhookChannel implements DeliveryChannel {

    public static final String CHANNEL = "webhook";
    static final String USER_AGENT = "Flotilla-Webhooks/1";

    private final WebhookAddresses addresses;
    private final DeliveryConfig config;
    private final Clock clock;
    private final HttpClient http;

    public WebhookChannel(Vertx vertx, WebhookAddresses addresses, DeliveryConfig config, Clock clock) {
        this.addresses = addresses;
        this.config = config;
        this.clock = clock;
        this.http = vertx.getDelegate().createHttpClient(
                new HttpClientOptions().setConnectTimeout((int) config.timeout().toMillis()).setKeepAlive(true)
                        .setForceSni(true).setVerifyHost(true),
                new PoolOptions().setHttp1MaxSize(Math.max(1, config.concurrency())));
    }

    @Override
    public String channel() {
        return CHANNEL;
    }

    @Override
    public Uni<AttemptResult> send(ClaimedDelivery delivery) {
        WebhookTarget target = delivery.webhook();
        if (target == null) {
            return Uni.createFrom().item(AttemptResult.skipped("the endpoint no longer exists"));
        }
        if (!target.enabled()) {
            return Uni.createFrom().item(AttemptResult.skipped("the endpoint is disabled"));
        }
        OutboundUrls.Target url;
        try {
            url = OutboundUrls.parse(target.url());
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().item(AttemptResult.failed("the endpoint's URL " + e.getMessage()));
        }
        return addresses.resolve(url.host())
                .chain(address -> exchange(delivery, target, url, address))
                .onFailure(AddressRefused.class).recoverWithItem(e -> AttemptResult.failed("refused: " + e.getMessage()))
                .onFailure(UnknownHostException.class)
                .recoverWithItem(e -> AttemptResult.failed("host " + url.host() + " does not resolve"))
                .onFailure(TimeoutException.class)
                .recoverWithItem(e -> AttemptResult.failed("no answer within " + config.timeout().toMillis() + " ms"))
                .onFailure().recoverWithItem(e -> AttemptResult.failed(describe(e)));
    }

    /** The body as Standard Webhooks shapes it; the event's data is spliced in as stored. */
    static String body(ClaimedDelivery delivery) {
        return "{\"type\":" + Json.encode(delivery.eventType()) + ",\"timestamp\":"
                + Json.encode(delivery.eventCreatedAt().toString()) + ",\"data\":" + delivery.eventData() + "}";
    }

    private Uni<AttemptResult> exchange(ClaimedDelivery delivery, WebhookTarget target, OutboundUrls.Target url,
            InetAddress address) {
        Instant now = clock.instant();
        long timestamp = now.getEpochSecond();
        String id = delivery.eventId().toString();
        String body = body(delivery);
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setHost(url.host())
                .setPort(url.port())
                .setSsl(url.tls())
                .setURI(url.requestUri())
                .setServer(SocketAddress.inetSocketAddress(url.port(), address.getHostAddress()))
                .setFollowRedirects(false)
                .putHeader("webhook-id", id)
                .putHeader("webhook-timestamp", Long.toString(timestamp))
                .putHeader("webhook-signature", WebhookSigner.signatures(target.signingSecrets(now), id, timestamp, body))
                .putHeader("content-type", "application/json")
                .putHeader("user-agent", USER_AGENT);
        return Uni.createFrom().<AttemptResult> emitter(emitter -> {
            AtomicReference<HttpClientRequest> sent = new AtomicReference<>();
            AtomicBoolean over = new AtomicBoolean();
            AtomicBoolean ended = new AtomicBoolean();
            // A request abandoned (timed out, or its excerpt is complete) is reset, which closes its connection.
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
                request.send(Buffer.buffer(body))
                        .onSuccess(response -> read(response, ended, emitter))
                        .onFailure(emitter::fail);
            }).onFailure(emitter::fail);
        }).ifNoItem().after(config.timeout()).failWith(TimeoutException::new);
    }

    /** Reads at most {@code excerpt-bytes} of the body, then judges the answer. */
    private void read(HttpClientResponse response, AtomicBoolean ended, UniEmitter<? super AttemptResult> emitter) {
        int limit = config.excerptBytes();
        Buffer excerpt = Buffer.buffer();
        response.handler(chunk -> {
            int room = limit - excerpt.length();
            if (room > 0) {
                excerpt.appendBuffer(chunk.length() <= room ? chunk : chunk.getBuffer(0, room));
            }
            if (excerpt.length() >= limit) {
                emitter.complete(judge(response, excerpt));
            }
        });
        response.endHandler(ignored -> {
            ended.set(true);
            emitter.complete(judge(response, excerpt));
        });
        response.exceptionHandler(emitter::fail);
    }

    private AttemptResult judge(HttpClientResponse response, Buffer body) {
        int status = response.statusCode();
        // PostgreSQL text cannot hold U+0000; a body cut inside a character ends in U+FFFD.
        String excerpt = body.length() == 0 ? null
                : new String(body.getBytes(), StandardCharsets.UTF_8).replace('\u0000', '\uFFFD');
        if (status >= 200 && status < 300) {
            return AttemptResult.succeeded(status, excerpt);
        }
        if (status == 410) {
            return AttemptResult.gone(status, excerpt, "the endpoint answered 410 Gone");
        }
        if (status >= 300 && status < 400) {
            return AttemptResult.failed(status, excerpt, "the endpoint answered " + status + " (redirects are not followed)",
                    null);
        }
        return AttemptResult.failed(status, excerpt, "the endpoint answered " + status,
                status == 429 || status == 503 ? RetryAfter.parse(response.getHeader("Retry-After"), clock.instant()) : null);
    }

    private static String describe(Throwable failure) {
        String message = failure.getMessage();
        String text = failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
        return text.replace('\u0000', '\uFFFD');
    }

    @PreDestroy
    void close() {
        http.close();
    }
}
