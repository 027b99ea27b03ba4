package dev.flotilla.notification.email;

import dev.flotilla.notification.delivery.AttemptResult;
import dev.flotilla.notification.delivery.ClaimedDigest;
import dev.flotilla.notification.delivery.DigestChannel;
import dev.flotilla.notification.delivery.DigestOutcome;
import dev.flotilla.notification.preference.Channels;
import dev.flotilla.notification.preference.Decision;
import dev.flotilla.notification.preference.DeliveryDecisions;
import dev.flotilla.notification.template.DigestEntry;
import dev.flotilla.notification.template.DigestRenderer;
import dev.flotilla.notification.template.Rendered;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Digest e-mails: one message to the user listing the window's events, rendered by {@link DigestRenderer}, with a
 * one-click unsubscribe link that turns e-mail of the digest rule's pattern off (every type the digest collects).
 * When it is due the recipient's preferences are read again: an event whose type they turned off since is left out
 * (its delivery SKIPPED), and quiet hours hold the whole digest until they end. A user without an address or with a
 * disabled account is a refused digest; an SMTP server or auth-service that cannot answer a failed attempt, retried
 * on the schedule.
 */
@ApplicationScoped
public class DigestEmailChannel implements DigestChannel {

    private final ReactiveMailer mailer;
    private final Contacts contacts;
    private final DeliveryDecisions decisions;
    private final DigestRenderer renderer;
    private final UnsubscribeLinks unsubscribeLinks;
    private final Clock clock;

    public DigestEmailChannel(ReactiveMailer mailer, Contacts contacts, DeliveryDecisions decisions, DigestRenderer renderer,
            UnsubscribeLinks unsubscribeLinks, Clock clock) {
        this.mailer = mailer;
        this.contacts = contacts;
        this.decisions = decisions;
        this.renderer = renderer;
        this.unsubscribeLinks = unsubscribeLinks;
        this.clock = clock;
    }

    @Override
    public Uni<DigestOutcome> send(ClaimedDigest digest) {
        return Uni.createFrom().deferred(() -> attempt(digest))
                .onFailure().recoverWithItem(failure -> DigestOutcome.of(AttemptResult.failed(EmailChannel.describe(failure))));
    }

    private Uni<DigestOutcome> attempt(ClaimedDigest digest) {
        UUID user;
        try {
            user = UUID.fromString(digest.user());
        } catch (IllegalArgumentException notAUser) {
            return Uni.createFrom()
                    .item(DigestOutcome.of(AttemptResult.refused(digest.user() + " is not a user with an address")));
        }
        Instant now = clock.instant();
        List<String> types = List
                .copyOf(new LinkedHashSet<>(digest.members().stream().map(ClaimedDigest.Member::eventType).toList()));
        return Multi.createFrom().iterable(types)
                .onItem().transformToUniAndConcatenate(type -> decisions
                        .decide(digest.tenant(), digest.user(), type, Channels.EMAIL, false, now)
                        .map(decision -> Map.entry(type, decision)))
                .collect().asMap(Map.Entry::getKey, Map.Entry::getValue)
                .chain(byType -> decided(digest, user, byType));
    }

    private Uni<DigestOutcome> decided(ClaimedDigest digest, UUID user, Map<String, Decision> byType) {
        Map<UUID, String> skipped = new HashMap<>();
        List<ClaimedDigest.Member> included = digest.members().stream().filter(member -> {
            Decision decision = byType.get(member.eventType());
            if (decision.outcome() == Decision.Outcome.SKIP) {
                skipped.put(member.deliveryId(), decision.reason());
                return false;
            }
            return true;
        }).toList();
        if (included.isEmpty()) {
            return Uni.createFrom().item(new DigestOutcome(
                    AttemptResult.skipped("the recipient turned e-mail off for every event of the digest"), skipped));
        }
        Decision decision = byType.get(included.get(0).eventType());
        if (decision.outcome() == Decision.Outcome.HOLD) {
            return Uni.createFrom()
                    .item(new DigestOutcome(AttemptResult.held(decision.heldUntil(), decision.reason()), skipped));
        }
        return contacts.of(digest.tenant(), user).chain(contact -> {
            AttemptResult refused = EmailChannel.refusal(contact);
            if (refused != null) {
                return Uni.createFrom().item(new DigestOutcome(refused, skipped));
            }
            List<DigestEntry> entries = included.stream().map(member -> new DigestEntry(member.eventType(),
                    member.eventSubject(), new JsonObject(member.eventData()), member.eventCreatedAt())).toList();
            return renderer.render(digest.tenant(), digest.pattern(), decision.locale(), entries)
                    .chain(rendered -> mailer.send(mail(digest, contact.email(), rendered)))
                    .replaceWith(new DigestOutcome(
                            AttemptResult.delivered("sent to " + contact.email() + " listing " + entries.size() + " events"),
                            skipped));
        });
    }

    private Mail mail(ClaimedDigest digest, String address, Rendered rendered) {
        Mail mail = new Mail().addTo(address).setSubject(rendered.subject()).setText(rendered.text());
        if (rendered.html() != null) {
            mail.setHtml(rendered.html());
        }
        mail.addHeader("X-Flotilla-Digest-Id", digest.id().toString());
        String link = unsubscribeLinks.link(digest.tenant(), digest.user(), digest.pattern());
        mail.addHeader("List-Unsubscribe", "<" + link + ">");
        mail.addHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        return mail;
    }
}
