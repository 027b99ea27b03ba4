package dev.flotilla.notification.template;

import io.quarkus.qute.Expression;
import io.quarkus.qute.SectionBlock;
import io.quarkus.qute.SectionNode;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * What a tenant's template may use. Qute can reach much more than the event's data: namespaces
 * read the configuration ({@code config:}), call beans ({@code inject:}, {@code cdi:}) or parse
 * text as a template ({@code str:eval}), and sections include other templates or evaluate data
 * ({@code #include}, {@code #eval}). So a template may use only its data, the control sections of
 * {@link #SECTIONS} (the templates' engine knows no other, {@link TemplateCompiler}), and loops of
 * bounded size and depth; a namespace is refused here, when the template is saved, as Qute itself
 * would find it missing only when rendering.
 */
final class TemplateSafety {

    static final Set<String> SECTIONS = Set.of("if", "for", "each", "let", "set", "with", "when", "switch");
    static final int MAX_COUNT = 1000;
    static final int MAX_LOOP_DEPTH = 3;

    /** A refused construct at a line of the template. */
    record Violation(int line, String message) {
    }

    private TemplateSafety() {
    }

    /** What {@code template} uses that templates may not, in line order; empty when nothing. */
    static List<Violation> violations(Template template) {
        List<Violation> violations = new ArrayList<>();
        for (TemplateNode node : template.findNodes(node -> node.isSection() && isLoop(node.asSection()))) {
            countedTooFar(node.asSection(), violations);
        }
        for (Expression expression : template.getExpressions()) {
            namespaced(expression, violations);
        }
        for (TemplateNode node : template.getNodes()) {
            nestedTooDeep(node, 0, violations);
        }
        violations.sort(Comparator.comparingInt(Violation::line));
        return violations;
    }

    private static void countedTooFar(SectionNode loop, List<Violation> violations) {
        for (SectionBlock block : loop.getBlocks()) {
            for (Expression iterable : block.expressions.values()) {
                if (iterable.isLiteral() && iterable.getLiteral() instanceof Number count && count.longValue() > MAX_COUNT) {
                    violations.add(new Violation(line(loop), "a loop may count to at most " + MAX_COUNT));
                }
            }
        }
    }

    /** Namespaces, in the expression or in any of its methods' parameters. */
    private static void namespaced(Expression expression, List<Violation> violations) {
        if (expression.hasNamespace()) {
            violations.add(new Violation(expression.getOrigin().getLine(),
                    "{" + expression.getNamespace() + ":…} is not available in templates; use the event's data"));
            return;
        }
        for (Expression.Part part : expression.getParts()) {
            if (part.isVirtualMethod()) {
                for (Expression parameter : part.asVirtualMethod().getParameters()) {
                    namespaced(parameter, violations);
                }
            }
        }
    }

    private static void nestedTooDeep(TemplateNode node, int depth, List<Violation> violations) {
        if (!node.isSection()) {
            return;
        }
        SectionNode section = node.asSection();
        int inside = isLoop(section) ? depth + 1 : depth;
        if (inside > MAX_LOOP_DEPTH) {
            violations.add(new Violation(line(node), "loops may nest at most " + MAX_LOOP_DEPTH + " deep"));
            return;
        }
        for (SectionBlock block : section.getBlocks()) {
            for (TemplateNode child : block.nodes) {
                nestedTooDeep(child, inside, violations);
            }
        }
    }

    private static boolean isLoop(SectionNode section) {
        return "for".equals(section.getName()) || "each".equals(section.getName());
    }

    private static int line(TemplateNode node) {
        return node.getOrigin().getLine();
    }
}
