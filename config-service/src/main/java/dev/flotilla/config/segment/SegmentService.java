package dev.flotilla.config.segment;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.flotilla.common.db.Db;
import dev.flotilla.common.db.SqlResults;
import dev.flotilla.common.error.Conflict;
import dev.flotilla.common.error.NotFound;
import dev.flotilla.common.error.PreconditionFailed;
import dev.flotilla.common.error.ProblemException;
import dev.flotilla.common.error.ProblemType;
import dev.flotilla.common.paging.Cursor;
import dev.flotilla.common.paging.Page;
import dev.flotilla.common.paging.PageParams;
import dev.flotilla.common.request.Preconditions;
import dev.flotilla.config.flag.FlagDocuments;
import dev.flotilla.config.flag.FlagService;
import dev.flotilla.config.flag.FlagSnapshots;
import dev.flotilla.config.targeting.Definitions;
import dev.flotilla.config.targeting.InvalidDefinition;
import dev.flotilla.config.targeting.SegmentSpec;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.UncheckedIOException;
import java.util.UUID;

/**
 * A tenant's segments: checked like flag rules, changed under the same preconditions as flags, and never
 * deleted while a flag names one. A change gives every environment of the tenant a new version, since
 * each evaluates the tenant's segments.
 */
@ApplicationScoped
public class SegmentService {

    private static final int FLAGS_NAMED = 5;

    private final Db db;
    private final FlagDocuments documents;
    private final FlagSnapshots snapshots;

    public SegmentService(Db db, FlagDocuments documents, FlagSnapshots snapshots) {
        this.db = db;
        this.documents = documents;
        this.snapshots = snapshots;
    }

    public Uni<SegmentView> get(UUID tenant, String key) {
        FlagService.requireKey(key);
        return SegmentSql.find(db.pool(), tenant, key).map(stored -> {
            if (stored == null) {
                throw new NotFound("segment", key);
            }
            return view(stored);
        });
    }

    public Uni<Page<SegmentView>> list(UUID tenant, PageParams page) {
        String after = page.after() == null ? "" : page.after().key(0, 1);
        return SegmentSql.page(db.pool(), tenant, after, page.limit() + 1)
                .map(rows -> Page.fromOverfetch(rows.stream().map(this::view).toList(), page.limit(),
                        view -> Cursor.of(view.key())));
    }

    /** The segment saved: created without {@code If-Match}, replaced with the current one's ETag. */
    public Uni<SegmentChanged> put(UUID tenant, String actor, String key, SegmentSpec definition, String ifMatch,
            String ifNoneMatch) {
        FlagService.requireKey(key);
        try {
            Definitions.segment(key, definition);
        } catch (InvalidDefinition e) {
            throw FlagService.unprocessable(e.violations());
        }
        String json = documents.write(definition);
        return db.tx(connection -> SegmentSql.lock(connection, tenant, key).chain(current -> {
            if (current == null) {
                if (ifMatch != null && !ifMatch.isBlank()) {
                    throw new PreconditionFailed("The segment " + key + " does not exist; send no If-Match to create it");
                }
                return SegmentSql.insert(connection, tenant, key, json, actor)
                        .onFailure(SqlResults::isUniqueViolation).transform(e -> createdMeanwhile(key))
                        .call(() -> SegmentSql.changeFlagSets(connection, tenant))
                        .map(stored -> new SegmentChanged(true, view(stored)));
            }
            SegmentView before = view(current);
            if (ifNoneMatch != null && "*".equals(ifNoneMatch.strip())) {
                throw new PreconditionFailed("The segment " + key + " exists already");
            }
            Preconditions.require(ifMatch, "segment");
            Preconditions.check(ifMatch, before.etag(), "segment");
            return SegmentSql.update(connection, tenant, key, json, actor)
                    .call(() -> SegmentSql.changeFlagSets(connection, tenant))
                    .map(stored -> new SegmentChanged(false, view(stored)));
        })).invoke(changed -> snapshots.changedTenant(tenant));
    }

    /** Deletes the segment (If-Match required); a 409 naming the flags that still use it. */
    public Uni<Void> delete(UUID tenant, String key, String ifMatch) {
        FlagService.requireKey(key);
        return db.tx(connection -> SegmentSql.lock(connection, tenant, key).chain(current -> {
            if (current == null) {
                throw new NotFound("segment", key);
            }
            Preconditions.require(ifMatch, "segment");
            Preconditions.check(ifMatch, view(current).etag(), "segment");
            return deleteUnused(connection, tenant, key);
        })).invoke(() -> snapshots.changedTenant(tenant));
    }

    private Uni<Void> deleteUnused(SqlConnection connection, UUID tenant, String key) {
        return SegmentSql.usedBy(connection, tenant, key, FLAGS_NAMED + 1).chain(flags -> {
            if (!flags.isEmpty()) {
                String named = String.join(", ", flags.subList(0, Math.min(FLAGS_NAMED, flags.size())))
                        + (flags.size() > FLAGS_NAMED ? " and more" : "");
                throw new Conflict("The segment " + key + " is used by the flags " + named + "; change them first");
            }
            return SegmentSql.delete(connection, tenant, key).chain(() -> SegmentSql.changeFlagSets(connection, tenant));
        });
    }

    private static ProblemException createdMeanwhile(String key) {
        return new ProblemException(ProblemType.PRECONDITION_REQUIRED,
                "The segment " + key + " was created meanwhile; fetch it and change it with If-Match");
    }

    private SegmentView view(SegmentSql.StoredSegment stored) {
        try {
            SegmentSpec spec = documents.read(stored.definition(), SegmentSpec.class);
            return new SegmentView(stored.key(), spec.description(), spec.conditions(), stored.version(), stored.createdAt(),
                    stored.createdBy(), stored.updatedAt(), stored.updatedBy());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("Stored segment " + stored.key() + " does not read", e);
        }
    }
}
