package dev.flotilla.config.entry;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Schema;
import dev.flotilla.common.crypto.KeyMaterial;
import dev.flotilla.common.db.Db;
import dev.flotilla.common.error.BadRequest;
import dev.flotilla.common.error.NotFound;
import dev.flotilla.common.paging.Cursor;
import dev.flotilla.common.paging.Page;
import dev.flotilla.common.paging.PageParams;
import dev.flotilla.config.approval.ApprovalGate;
import dev.flotilla.config.environment.EnvironmentService;
import dev.flotilla.config.watch.WatchQuery;
import dev.flotilla.config.watch.WatchService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.UUID;

/**
 * Entries of a namespace: read through the layers (an environment falls back to the namespace default), listed,
 * resolved into one view, and changed through {@link EntryChanges} after their content is checked: the value of its
 * type, the schema a valid JSON Schema, the value satisfying it.
 */
@ApplicationScoped
public class EntryService {

    private final Db db;
    private final EntryChanges changes;
    private final EntryCodec codec;
    private final EnvironmentService environments;
    private final ApprovalGate approvals;
    private final WatchService watches;

    public EntryService(Db db, EntryChanges changes, EntryCodec codec, EnvironmentService environments,
            ApprovalGate approvals, WatchService watches) {
        this.db = db;
        this.changes = changes;
        this.codec = codec;
        this.environments = environments;
        this.approvals = approvals;
        this.watches = watches;
    }

    public Uni<Written> put(UUID tenant, String author, String namespace, String key, String env, PutEntry request,
            String ifMatch, String ifNoneMatch) {
        String layer = EntryKeys.layer(env);
        EntryKeys.requireKey("key", key);
        EntryContent content = content(request);
        ChangeSet set = new ChangeSet(author, message(request.message()), null,
                List.of(EntryChange.put(key, layer, Precondition.of(ifMatch, ifNoneMatch), content)));
        return approvals.requireDirectEntries(tenant, namespace, List.of(layer))
                .chain(() -> changes.apply(tenant, namespace, set))
                .map(revision -> {
                    AppliedChange change = revision.changes().get(0);
                    return new Written(EntryChanges.CREATE.equals(change.action()),
                            EntryView.of(namespace, change.after(), StateView.revealed(content), false), revision.number());
                });
    }

    /** The revision's number; 428 without {@code If-Match}, 412 when it is stale. */
    public Uni<Long> delete(UUID tenant, String author, String namespace, String key, String env, String ifMatch,
            String message) {
        String layer = EntryKeys.layer(env);
        ChangeSet set = new ChangeSet(author, message(message), null,
                List.of(EntryChange.delete(EntryKeys.requireKey("key", key), layer, Precondition.of(ifMatch, null))));
        return approvals.requireDirectEntries(tenant, namespace, List.of(layer))
                .chain(() -> changes.apply(tenant, namespace, set))
                .map(AppliedRevision::number);
    }

    /** The key's entry in the environment, or the namespace default's when the environment has none. */
    public Uni<Indexed<EntryView>> get(Reader reader, String namespace, String key, String env) {
        String layer = EntryKeys.layer(env);
        return environments.require(reader.tenant(), layer)
                .chain(() -> EntrySql.keyLayers(db.pool(), reader.tenant(), namespace, key, layer))
                .map(layers -> {
                    EntryRow row = Layering.resolve(found(layers, namespace).rows()).get(key);
                    if (row == null) {
                        throw new NotFound("entry", key + (layer.isEmpty() ? "" : " in " + layer));
                    }
                    return new Indexed<>(view(reader, namespace, layers.namespaceId(), row, !row.env().equals(layer)),
                            layers.index());
                });
    }

    /** The namespace's entries by key and layer: of one environment's layer when {@code env} is given, else of all. */
    public Uni<Indexed<Page<EntryView>>> list(Reader reader, String namespace, String env, PageParams page) {
        String layer = env == null || env.isEmpty() ? null : EntryKeys.layer(env);
        Cursor after = page.after();
        String afterKey = after == null ? "" : after.key(0, 2);
        String afterEnv = after == null ? "" : after.key(1, 2);
        Uni<Void> environment = layer == null ? Uni.createFrom().voidItem() : environments.require(reader.tenant(), layer);
        return environment
                .chain(() -> EntrySql.page(db.pool(), reader.tenant(), namespace, layer, afterKey, afterEnv, page.limit() + 1)
                        .map(layers -> {
                            found(layers, namespace);
                            List<EntryView> views = new ArrayList<>(layers.rows().size());
                            layers.rows().forEach(row -> views.add(view(reader, namespace, layers.namespaceId(), row, false)));
                            return new Indexed<>(Page.fromOverfetch(views, page.limit(),
                                    view -> Cursor.of(view.key(), view.env() == null ? EntryKeys.DEFAULT_LAYER : view.env())),
                                    layers.index());
                        }));
    }

    /**
     * The environment's view of the namespace; {@code notModified} when {@code ifNoneMatch} names it. A blocking query
     * when {@code index} is given: held while the namespace is still at that index, for at most {@code wait}, then read
     * again, so the answer is what committed. {@code changed}: only the keys that changed after {@code index}, and those
     * removed since. A 400 names a malformed parameter.
     */
    public Uni<Resolved> resolve(Reader reader, String namespace, String env, String format, String ifNoneMatch,
            String index, String wait, String changed) {
        String layer = EntryKeys.layer(env);
        ResolvedFormat form = ResolvedFormat.parse(format);
        WatchQuery watch = watches.query(index, wait, changed);
        if (watch.changed() && form != ResolvedFormat.JSON) {
            throw new BadRequest("changed", "lists the keys that changed in the json format only");
        }
        return environments.require(reader.tenant(), layer)
                .chain(() -> layers(reader, namespace, layer))
                .chain(layers -> watch.holds(layers.index())
                        ? watches.await(reader.tenant(), layers.namespaceId(), layers.index(), watch.hold())
                                .chain(() -> layers(reader, namespace, layer))
                        : Uni.createFrom().item(layers))
                .chain(layers -> watch.changed()
                        ? watches.changed(reader.tenant(), layers.namespaceId(), watch.changedAfter(), layers.index(), layer)
                                .map(keys -> render(reader, namespace, layer, form, layers, keys, ifNoneMatch))
                        : Uni.createFrom().item(render(reader, namespace, layer, form, layers, null, ifNoneMatch)));
    }

    private Uni<Layers> layers(Reader reader, String namespace, String layer) {
        return EntrySql.layers(db.pool(), reader.tenant(), namespace, layer).map(layers -> found(layers, namespace));
    }

    /** The view of {@code layers}; of the keys in {@code changed} alone, and those of them removed, unless it is null. */
    private Resolved render(Reader reader, String namespace, String layer, ResolvedFormat form, Layers layers,
            Set<String> changed, String ifNoneMatch) {
        SortedMap<String, EntryRow> resolved = Layering.resolve(layers.rows());
        List<ResolvedValue> values = new ArrayList<>(resolved.size());
        for (EntryRow row : resolved.values()) {
            if (changed != null && !changed.contains(row.key())) {
                continue;
            }
            StateView state = codec.view(reader.reveal(), reader.tenant(), layers.namespaceId(), row.key(), row.env(),
                    row.state());
            values.add(new ResolvedValue(row.key(), state.value(), state.type(), row.env().isEmpty() ? null : row.env(),
                    state.secret(), state.masked()));
        }
        String body = changed == null ? form.render(namespace, layer, values)
                : ResolvedFormat.renderChanged(namespace, layer, values,
                        changed.stream().filter(key -> !resolved.containsKey(key)).sorted().toList());
        String etag = etag(body);
        return new Resolved(body, form.mediaType(), etag, layers.index(), EntityTags.matches(ifNoneMatch, etag));
    }

    private EntryView view(Reader reader, String namespace, UUID namespaceId, EntryRow row, boolean inherited) {
        StateView state = codec.view(reader.reveal(), reader.tenant(), namespaceId, row.key(), row.env(), row.state());
        return EntryView.of(namespace, row, state, inherited);
    }

    /** The request's content, checked: 400 for what is malformed, 422 for a value or schema the rules refuse. */
    public static EntryContent content(PutEntry request) {
        EntryType type = EntryType.parse("type", request.type());
        String violation = type.violation(request.value());
        if (violation != null) {
            if (request.value() == null || request.value().isNull()) {
                throw new BadRequest("value", violation);
            }
            throw new Unprocessable("value", violation);
        }
        JsonNode schema = request.schema() == null || request.schema().isNull() ? null : request.schema();
        if (schema != null) {
            Schema compiled = EntrySchemas.compile(schema);
            EntrySchemas.requireSatisfied(compiled, request.value());
        }
        String description = request.description() == null ? null : request.description().strip();
        return new EntryContent(type, request.value(), Boolean.TRUE.equals(request.secret()), schema, description);
    }

    private static String message(String message) {
        return message == null || message.isBlank() ? null : message.strip();
    }

    private static Layers found(Layers layers, String namespace) {
        if (layers == null) {
            throw new NotFound("namespace", namespace);
        }
        return layers;
    }

    /** A strong tag of the exact bytes answered: it changes when, and only when, the view does. */
    private static String etag(String body) {
        byte[] digest = KeyMaterial.sha256(body.getBytes(StandardCharsets.UTF_8));
        return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 18)) + "\"";
    }
}
