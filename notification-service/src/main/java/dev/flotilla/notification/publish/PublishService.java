package dev.flotilla.notification.publish;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flotilla.common.db.Db;
import dev.flotilla.common.error.BadRequest;
import dev.flotilla.common.error.Conflict;
import dev.flotilla.common.error.NotFound;
import dev.flotilla.common.id.Ids;
import dev.flotilla.common.identity.Caller;
import dev.flotilla.common.request.IdempotencyKeys;
import dev.flotilla.notification.delivery.Deliveries;
import dev.flotilla.notification.email.EmailChannel;
import dev.flotilla.notification.event.Event;
import dev.flotilla.notification.event.EventSql;
import dev.flotilla.notification.event.EventTypes;
import dev.flotilla.notification.inbox.InboxWriter;
import dev.flotilla.notification.preference.Channels;
import dev.flotilla.notification.preference.DeliveryDecisions;
import dev.flotilla.notification.preference.DigestRuleService;
import dev.flotilla.notification.topic.TopicKeys;
import dev.flotilla.notification.topic.TopicService;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Publishing: one transaction writes the event and every delivery it fans out to (the inbox and
 * the e-mail of each user named or following a named topic, unless they turned that channel off
 * for the type; each address named; each webhook endpoint subscribed to the type), so an
 * acknowledged event is never lost and never half delivered; workers send the e-mails and
 * webhooks after commit. A user's e-mail of a type a digest rule selects is collected into their
 * digest of the window, unless the event is critical. Services following a topic get its events in
 * their inbox only.
 */
@ApplicationScoped
public class PublishService {

    /** A published event, or, for a repeated idempotency key, the event the first request published. */
    public record Published(PublishedEvent event, boolean replayed) {
    }

    private final Db db;
    private final TopicService topics;
    private final InboxWriter inbox;
    private final Deliveries deliveries;
    private final DeliveryDecisions decisions;
    private final DigestRuleService digestRules;
    private final ObjectMapper json;
    private final Clock clock;

    public PublishService(Db db, TopicService topics, InboxWriter inbox, Deliveries deliveries,
            DeliveryDecisions decisions, DigestRuleService digestRules, ObjectMapper json, Clock clock) {
        this.db = db;
        this.topics = topics;
        this.inbox = inbox;
        this.deliveries = deliveries;
        this.decisions = decisions;
        this.digestRules = digestRules;
        this.json = json;
        this.clock = clock;
    }

    public Uni<Published> publish(Caller caller, PublishEvent request, String idempotencyKey) {
        EventTypes.requireType("type", request.type());
        Recipients recipients = Recipients.of(request.recipients());
        String key = IdempotencyKeys.normalize(IdempotencyKeys.HEADER, idempotencyKey);
        String hash = key == null ? null : IdempotencyKeys.fingerprint(json, request);
        Map<String, Object> data = request.data() == null ? Map.of() : request.data();
        Event event = new Event(Ids.next(), caller.tenant(), request.type(), request.subject(), new JsonObject(data),
                Boolean.TRUE.equals(request.critical()), recipients.asJson(), caller.subject(), clock.instant());
        return db.tx(tx -> EventSql.insert(tx, event, key, hash)
                .chain(inserted -> inserted
                        ? fanOut(tx, event, recipients).map(count -> new Published(published(event, count), false))
                        : replay(tx, caller, key, hash)));
    }

    /**
     * Tells {@code users} of an event of this service's own inside {@code tx}, the transaction of the change it tells of,
     * so the two commit together: their inbox and e-mail only, never webhooks (such an event may name things, like an
     * endpoint's URL, that only its recipients should see); answers how many deliveries it fanned out to.
     */
    public Uni<Integer> tellWithin(SqlConnection tx, Event event, List<String> users) {
        return EventSql.insert(tx, event, null, null).chain(() -> toUsers(tx, event, users));
    }

    public Uni<EventView> find(UUID tenant, UUID id) {
        return EventSql.find(db.pool(), tenant, id).chain(event -> {
            if (event == null) {
                throw new NotFound("event", id);
            }
            return deliveries.ofEvent(tenant, id).map(found -> EventView.of(event, found));
        });
    }

    /** The event's deliveries, written in its transaction; answers how many. */
    private Uni<Integer> fanOut(SqlConnection tx, Event event, Recipients recipients) {
        return topics.subscribersOf(tx, event.tenant(), recipients.topics())
                .chain(subscribers -> {
                    Set<String> users = new LinkedHashSet<>(recipients.users());
                    users.addAll(subscribers);
                    return users.isEmpty() ? Uni.createFrom().item(0) : toUsers(tx, event, List.copyOf(users));
                })
                .chain(toUsers -> deliveries.fanOutTo(tx, event, Channels.EMAIL, recipients.emails().stream()
                        .map(address -> EmailChannel.ADDRESS_PREFIX + address).toList())
                        .map(toAddresses -> toUsers + toAddresses))
                .chain(sofar -> deliveries.fanOutToWebhooks(tx, event).map(toWebhooks -> sofar + toWebhooks));
    }

    /**
     * The inbox and e-mail deliveries of the users, but those who turned a channel off for the type; e-mail only to
     * users (auth-service knows their address), not to services.
     */
    private Uni<Integer> toUsers(SqlConnection tx, Event event, List<String> users) {
        return decisions.decideAll(tx, event.tenant(), users, event.type(), List.of(Channels.INBOX, Channels.EMAIL),
                event.critical(), event.createdAt()).chain(decided -> {
                    Set<String> noInbox = decided.skipped(Channels.INBOX);
                    Set<String> noEmail = decided.skipped(Channels.EMAIL);
                    List<String> toInbox = users.stream().filter(user -> !noInbox.contains(user)).toList();
                    List<String> toEmail = users.stream().filter(user -> !noEmail.contains(user) && isUserId(user)).toList();
                    Uni<Integer> inboxes = toInbox.isEmpty() ? Uni.createFrom().item(0)
                            : inbox.deliver(tx, event, toInbox)
                                    .call(written -> deliveries.recordDelivered(tx, event, Channels.INBOX, written))
                                    .map(List::size);
                    return inboxes.chain(written -> emails(tx, event, toEmail).map(emails -> written + emails));
                });
    }

    /** The users' e-mails: collected into their digests when a rule selects the type, otherwise one each, due now. */
    private Uni<Integer> emails(SqlConnection tx, Event event, List<String> users) {
        if (users.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return digestRules.digestFor(tx, event.tenant(), event.type(), event.critical(), event.createdAt())
                .chain(window -> window == null ? deliveries.fanOutTo(tx, event, Channels.EMAIL, users)
                        : deliveries.fanOutToDigests(tx, event, users, window));
    }

    /** Users' subjects are their auth-service ids (UUIDs); service clients' are not, and have no address. */
    private static boolean isUserId(String subject) {
        try {
            UUID.fromString(subject);
            return subject.length() == 36;
        } catch (IllegalArgumentException notAUser) {
            return false;
        }
    }

    private Uni<Published> replay(SqlConnection tx, Caller caller, String key, String hash) {
        return EventSql.findByIdempotencyKey(tx, caller.tenant(), caller.subject(), key).chain(earlier -> {
            if (earlier == null || !hash.equals(earlier.hash())) {
                throw new Conflict(IdempotencyKeys.HEADER + " '" + key + "' was used for a different request");
            }
            Event event = earlier.event();
            return deliveries.ofEvent(event.tenant(), event.id())
                    .map(found -> new Published(published(event, found.size()), true));
        });
    }

    private static PublishedEvent published(Event event, int deliveryCount) {
        return new PublishedEvent(event.id(), event.type(), event.subject(), event.critical(), event.createdAt(),
                deliveryCount);
    }

    /** The recipients of a request, checked: each names exactly one user, address or topic. */
    record Recipients(List<String> users, List<String> emails, List<String> topics, JsonArray asJson) {

        static Recipients of(List<Recipient> given) {
            Set<String> users = new LinkedHashSet<>();
            Set<String> emails = new LinkedHashSet<>();
            Set<String> topics = new LinkedHashSet<>();
            JsonArray asJson = new JsonArray();
            List<Recipient> recipients = given == null ? List.of() : given;
            for (int i = 0; i < recipients.size(); i++) {
                Recipient recipient = recipients.get(i);
                String field = "recipients[" + i + "]";
                int named = (recipient.userId() != null ? 1 : 0) + (recipient.email() != null ? 1 : 0)
                        + (recipient.topic() != null ? 1 : 0);
                if (named != 1) {
                    throw new BadRequest(field, "must name exactly one of userId, email, topic");
                }
                if (recipient.userId() != null) {
                    users.add(recipient.userId());
                    asJson.add(new JsonObject().put("userId", recipient.userId()));
                } else if (recipient.email() != null) {
                    emails.add(recipient.email());
                    asJson.add(new JsonObject().put("email", recipient.email()));
                } else {
                    topics.add(TopicKeys.require(field + ".topic", recipient.topic()));
                    asJson.add(new JsonObject().put("topic", recipient.topic()));
                }
            }
            return new Recipients(new ArrayList<>(users), new ArrayList<>(emails), new ArrayList<>(topics), asJson);
        }
    }
}
