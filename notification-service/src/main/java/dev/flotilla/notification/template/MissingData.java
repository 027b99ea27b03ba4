package dev.flotilla.notification.template;

import io.quarkus.qute.Expression;
import io.quarkus.qute.SectionBlock;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateNode;
import io.vertx.core.json.JsonObject;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The references to {@code data} a template makes that given data lacks ({@code data.task.name}
 * when {@code data} has no {@code task}): what a preview warns about, as a sent message renders
 * them empty. A reference tested by {@code #if} or given a default ({@code ?:}, {@code or}) is
 * optional and not reported.
 */
final class MissingData {

    private static final Set<String> DEFAULTS = Set.of("?:", "or", "??", "orEmpty");
    /** Names Qute's resolver for JSON objects answers itself rather than with a key. */
    private static final Set<String> OBJECT_PROPERTIES = Set.of("fieldNames", "fields", "size", "empty", "isEmpty", "get",
            "containsKey");

    private MissingData() {
    }

    static List<String> of(Template template, JsonObject data) {
        Set<Expression> tested = Collections.newSetFromMap(new IdentityHashMap<>());
        for (TemplateNode node : template.findNodes(node -> node.isSection() && "if".equals(node.asSection().getName()))) {
            for (SectionBlock block : node.asSection().getBlocks()) {
                tested.addAll(block.expressions.values());
            }
        }
        Set<String> missing = new LinkedHashSet<>();
        for (Expression expression : template.getExpressions()) {
            if (!tested.contains(expression)) {
                String reference = missingReference(expression, data);
                if (reference != null) {
                    missing.add(reference);
                }
            }
        }
        return List.copyOf(missing);
    }

    /** The first absent step of a {@code data.…} reference ({@code data.a.b}), or null. */
    private static String missingReference(Expression expression, JsonObject data) {
        List<Expression.Part> parts = expression.getParts();
        if (expression.hasNamespace() || parts.size() < 2 || !"data".equals(parts.get(0).getName())
                || parts.stream().anyMatch(part -> part.isVirtualMethod() && DEFAULTS.contains(part.getName()))) {
            return null;
        }
        Object current = data;
        StringBuilder reference = new StringBuilder("data");
        for (Expression.Part part : parts.subList(1, parts.size())) {
            if (part.isVirtualMethod() || !(current instanceof JsonObject object)
                    || OBJECT_PROPERTIES.contains(part.getName())) {
                return null;
            }
            reference.append('.').append(part.getName());
            if (!object.containsKey(part.getName())) {
                return reference.toString();
            }
            current = object.getValue(part.getName());
        }
        return null;
    }
}
