package dev.flotilla.conversation.customization;

import dev.flotilla.common.db.Db;
import dev.flotilla.common.db.SqlResults;
import dev.flotilla.common.error.Conflict;
import dev.flotilla.common.error.NotFound;
import dev.flotilla.common.id.Ids;
import dev.flotilla.common.paging.Cursor;
import dev.flotilla.common.paging.Page;
import dev.flotilla.common.paging.PageParams;
import dev.flotilla.common.request.Preconditions;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Each user's prompt customizations of an agent. They are the user's own: every call is limited to the caller's, so
 * another user's (an admin's too) are not found.
 */
@ApplicationScoped
public class CustomizationService {

    private final Db db;
    private final Clock clock;
    private final Event<CustomizationChanged> changed;

    public CustomizationService(Db db, Clock clock, Event<CustomizationChanged> changed) {
        this.db = db;
        this.clock = clock;
        this.changed = changed;
    }

    public Uni<PromptCustomization> create(UUID tenant, String user, UUID agent, SaveCustomization request) {
        SaveCustomization valid = CustomizationRules.checked(request);
        Instant now = now();
        PromptCustomization created = new PromptCustomization(tenant, Ids.next(), user, agent, valid.name(),
                valid.instructions(), valid.enabled(), now, now, 1);
        return CustomizationSql.insert(db.pool(), created).replaceWith(created)
                .onFailure(SqlResults::isUniqueViolation).transform(failure -> nameTaken(valid.name()))
                .invoke(() -> changed.fire(new CustomizationChanged(tenant, user, agent)));
    }

    public Uni<Page<PromptCustomization>> list(UUID tenant, String user, UUID agent, PageParams page) {
        UUID after = page.after() == null ? null : page.after().id();
        return CustomizationSql.page(db.pool(), tenant, user, agent, after, page.limit() + 1)
                .map(rows -> Page.fromOverfetch(rows, page.limit(), c -> Cursor.of(c.id())));
    }

    public Uni<PromptCustomization> get(UUID tenant, String user, UUID agent, UUID id) {
        return CustomizationSql.find(db.pool(), tenant, user, agent, id).map(found -> found(found, id));
    }

    /** Replaces the customization; {@code If-Match} is honoured. */
    public Uni<PromptCustomization> replace(UUID tenant, String user, UUID agent, UUID id, String ifMatch,
            SaveCustomization request) {
        SaveCustomization valid = CustomizationRules.checked(request);
        return db.tx(tx -> CustomizationSql.find(tx, tenant, user, agent, id).chain(current -> {
            Preconditions.check(ifMatch, found(current, id).etag(), "prompt customization");
            return CustomizationSql.update(tx, current, valid, now());
        })).onFailure(SqlResults::isUniqueViolation).transform(failure -> nameTaken(valid.name()))
                .invoke(() -> changed.fire(new CustomizationChanged(tenant, user, agent)));
    }

    public Uni<Void> delete(UUID tenant, String user, UUID agent, UUID id) {
        return CustomizationSql.delete(db.pool(), tenant, user, agent, id).map(deleted -> {
            if (!deleted) {
                throw new NotFound("prompt customization", id);
            }
            changed.fire(new CustomizationChanged(tenant, user, agent));
            return null;
        });
    }

    /** The user's enabled customizations of the agent, oldest first. */
    public Uni<List<PromptCustomization>> enabled(UUID tenant, String user, UUID agent) {
        return CustomizationSql.enabled(db.pool(), tenant, user, agent);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static Conflict nameTaken(String name) {
        return new Conflict("A prompt customization named '" + name + "' of this agent is yours already");
    }

    private static PromptCustomization found(PromptCustomization customization, UUID id) {
        if (customization == null) {
            throw new NotFound("prompt customization", id);
        }
        return customization;
    }
}
