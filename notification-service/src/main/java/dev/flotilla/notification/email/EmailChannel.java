package dev.flotilla.notification.email;

import dev.flotilla.notification.delivery.AttemptResult;
import dev.flotilla.notification.delivery.ClaimedDelivery;
import dev.flotilla.notification.delivery.DeliveryChannel;
import dev.flotilla.notification.preference.Channels;
import dev.flotilla.notification.preference.Decision;
import dev.flotilla.notification.preference.DeliveryDecisions;
import dev.flotilla.notification.template.Rendered;
import dev.flotilla.notification.template.TemplateRenderer;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.UUID;

/**
 * E-mail deliveries: to a user (the address from auth-service, their preferences and quiet hours
 * applied, a one-click unsubscribe link) or to an address named by the publisher. The HTML and
 * plain-text parts come from the templates. A user without an address or with a disabled account
 * is a refused delivery, not retried; an SMTP server or auth-service that cannot answer is a failed
 * attempt, retried on the schedule.
 */
@ApplicationScoped
public class EmailChannel implements DeliveryChannel {

    /** How a delivery names an address rather than a user. */
    public static final String ADDRESS_PREFIX = "mailto:";

    private final ReactiveMailer mailer;
    private final Contacts contacts;
    private final DeliveryDecisions decisions;
    private final TemplateRenderer templates;
    private final UnsubscribeLinks unsubscribeLinks;
    private final Clock clock;

    public EmailChannel(ReactiveMailer mailer, Contacts contacts, DeliveryDecisions decisions, TemplateRenderer templates,
            UnsubscribeLinks unsubscribeLinks, Clock clock) {
        this.mailer = mailer;
        this.contacts = contacts;
        this.decisions = decisions;
        this.templates = templates;
        this.unsubscribeLinks = unsubscribeLinks;
        this.clock = clock;
    }

    @Override
    public String channel() {
        return Channels.EMAIL;
    }

    @Override
    public Uni<AttemptResult> send(ClaimedDelivery delivery) {
        return Uni.createFrom().deferred(() -> attempt(delivery))
                .onFailure().recoverWithItem(failure -> AttemptResult.failed(describe(failure)));
    }

    private Uni<AttemptResult> attempt(ClaimedDelivery delivery) {
        String recipient = delivery.recipient();
        if (recipient.startsWith(ADDRESS_PREFIX)) {
            return sendTo(delivery, recipient.substring(ADDRESS_PREFIX.length()), null, null);
        }
        UUID user;
        try {
            user = UUID.fromString(recipient);
        } catch (IllegalArgumentException notAUser) {
            return Uni.createFrom().item(AttemptResult.refused(recipient + " is not a user with an address"));
        }
        return decisions.decide(delivery.tenant(), recipient, delivery.eventType(), Channels.EMAIL, delivery.critical(),
                clock.instant()).chain(decision -> switch (decision.outcome()) {
                    case SKIP -> Uni.createFrom().item(AttemptResult.skipped(decision.reason()));
                    case HOLD -> Uni.createFrom().item(AttemptResult.held(decision.heldUntil(), decision.reason()));
                    case SEND -> contacts.of(delivery.tenant(), user).chain(contact -> {
                        AttemptResult refused = refusal(contact);
                        return refused != null ? Uni.createFrom().item(refused)
                                : sendTo(delivery, contact.email(), recipient, decision);
                    });
                });
    }

    /** Why a user's e-mail cannot go to {@code contact} (none, no address, a disabled account), or null when it can. */
    static AttemptResult refusal(Contact contact) {
        if (contact == null || contact.email() == null || contact.email().isBlank()) {
            return AttemptResult.refused("the user has no e-mail address");
        }
        if (!contact.active()) {
            return AttemptResult.refused("the user's account is " + contact.status());
        }
        return null;
    }

    /** Renders and sends the e-mail; {@code user} is null for an address the publisher named (no unsubscribe link). */
    private Uni<AttemptResult> sendTo(ClaimedDelivery delivery, String address, String user, Decision decision) {
        String locale = decision == null ? null : decision.locale();
        return templates.render(delivery.tenant(), delivery.eventType(), Channels.EMAIL, locale, delivery.eventSubject(),
                new JsonObject(delivery.eventData()))
                .chain(rendered -> mailer.send(mail(delivery, address, user, rendered)))
                .replaceWith(AttemptResult.delivered("sent to " + address));
    }

    private Mail mail(ClaimedDelivery delivery, String address, String user, Rendered rendered) {
        Mail mail = new Mail().addTo(address).setSubject(rendered.subject()).setText(rendered.text());
        if (rendered.html() != null) {
            mail.setHtml(rendered.html());
        }
        mail.addHeader("X-Flotilla-Event-Id", delivery.eventId().toString());
        if (user != null) {
            String link = unsubscribeLinks.link(delivery.tenant(), user, delivery.eventType());
            mail.addHeader("List-Unsubscribe", "<" + link + ">");
            mail.addHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        return mail;
    }

    static String describe(Throwable failure) {
        String message = failure.getMessage();
        return failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
