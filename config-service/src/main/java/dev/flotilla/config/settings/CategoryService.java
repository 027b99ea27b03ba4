package dev.flotilla.config.settings;

import dev.flotilla.common.db.Db;
import dev.flotilla.common.db.SqlResults;
import dev.flotilla.common.error.Conflict;
import dev.flotilla.common.error.ProblemException;
import dev.flotilla.common.error.ProblemType;
import dev.flotilla.common.paging.Cursor;
import dev.flotilla.common.paging.Page;
import dev.flotilla.common.paging.PageParams;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * The settings categories of a tenant: the built-in ones and those its admins create, with an
 * optional JSON Schema for their values. Deleting a tenant's category deletes every setting and
 * default in it.
 */
@ApplicationScoped
public class CategoryService {

    /** How many of the tenant's own categories a 404 names. */
    private static final int NAMED_WHEN_UNKNOWN = 50;

    private final Db db;
    private final SettingsConfig limits;

    public CategoryService(Db db, SettingsConfig limits) {
        this.db = db;
        this.limits = limits;
    }

    /** 409 for a built-in or existing name; 422 for a schema that cannot be used. */
    public Uni<CategoryView> create(UUID tenant, String createdBy, CreateCategory request) {
        if (SettingNames.isBuiltIn(request.name())) {
            throw new Conflict("The settings category " + request.name() + " is built in");
        }
        SettingValues.requireUnicode("description", request.description());
        String schema = null;
        if (request.schema() != null && !request.schema().isNull()) {
            schema = SettingValues.require("schema", request.schema(), limits.maxValueSize().asLongValue());
            ValueSchemas.requireUsable(schema);
        }
        String text = schema;
        return db.statement(pool -> CategorySql.insert(pool, tenant, request.name(), request.description(), text, createdBy))
                .onFailure(SqlResults::isUniqueViolation)
                .transform(e -> new Conflict("The settings category " + request.name() + " exists already"));
    }

    /** The built-in categories and the tenant's, in name order. */
    public Uni<Page<CategoryView>> list(UUID tenant, PageParams page) {
        String after = page.after() == null ? "" : page.after().key(0, 1);
        return CategorySql.page(db.pool(), tenant, after, page.limit() + 1).map(stored -> {
            List<CategoryView> all = new ArrayList<>(stored);
            SettingNames.BUILT_IN.stream().filter(name -> name.compareTo(after) > 0).map(CategoryView::builtIn)
                    .forEach(all::add);
            all.sort(Comparator.comparing(CategoryView::name));
            return Page.fromOverfetch(all.subList(0, Math.min(all.size(), page.limit() + 1)), page.limit(),
                    view -> Cursor.of(view.name()));
        });
    }

    public Uni<CategoryView> get(UUID tenant, String name) {
        return require(db.pool(), tenant, name, false);
    }

    /** 409 for a built-in category; 404 naming the known ones for an unknown one. */
    public Uni<Void> delete(UUID tenant, String name) {
        if (SettingNames.isBuiltIn(name)) {
            throw new Conflict("The settings category " + name + " is built in and cannot be deleted");
        }
        return db.tx(tx -> CategorySql.delete(tx, tenant, name)
                .chain(deleted -> deleted ? Uni.createFrom().voidItem() : unknown(tx, tenant, name).replaceWithVoid()));
    }

    /**
     * The category, built in or the tenant's, or a 404 naming the categories there are. With
     * {@code forWrite}, inside a transaction that writes into it: the category then cannot be deleted
     * until that transaction ends.
     */
    Uni<CategoryView> require(SqlClient client, UUID tenant, String name, boolean forWrite) {
        if (SettingNames.isBuiltIn(name)) {
            return Uni.createFrom().item(CategoryView.builtIn(name));
        }
        return CategorySql.find(client, tenant, name, forWrite).onItem().ifNull().switchTo(() -> unknown(client, tenant, name));
    }

    private static Uni<CategoryView> unknown(SqlClient client, UUID tenant, String name) {
        return CategorySql.names(client, tenant, NAMED_WHEN_UNKNOWN + 1).map(names -> {
            List<String> known = new ArrayList<>(SettingNames.BUILT_IN);
            known.addAll(names.subList(0, Math.min(names.size(), NAMED_WHEN_UNKNOWN)));
            known.sort(Comparator.naturalOrder());
            String more = names.size() > NAMED_WHEN_UNKNOWN ? " and more (GET /api/v1/settings-categories)" : "";
            throw new ProblemException(ProblemType.NOT_FOUND, "There is no settings category " + name
                    + "; the categories are " + String.join(", ", known) + more);
        });
    }
}
