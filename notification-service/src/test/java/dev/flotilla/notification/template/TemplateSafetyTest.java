package dev.flotilla.notification.template;

import io.quarkus.qute.Engine;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TemplateSafetyTest {

    private static final Engine ENGINE = Engine.builder().addDefaults().build();

    private static List<TemplateSafety.Violation> violations(String source) {
        return TemplateSafety.violations(ENGINE.parse(source));
    }

    @Test
    void dataAndControlSectionsAreAllowed() {
        assertEquals(List.of(), violations("""
                Hello {data.user.name}!
                {#if data.count > 1}{#for item in data.items}{item.name}{#if item_hasNext}, {/if}{/for}{#else}one{/if}
                {#let total=data.count}{total}{/let} {data.name ?: 'someone'}
                """));
    }

    @Test
    void aNamespaceIsReportedAtItsLine() {
        List<TemplateSafety.Violation> violations = violations("first\nsecond {str:eval(data.text)}");
        assertEquals(1, violations.size());
        assertEquals(2, violations.get(0).line());
        assertTrue(violations.get(0).message().startsWith("{str:…} is not available"));
    }

    @Test
    void namespacesAreRefusedWhereverTheyAppear() {
        assertEquals(1, violations("{config:['quarkus.datasource.password']}").size());
        assertEquals(1, violations("{#if inject:secrets.leak}x{/if}").size());
        assertEquals(1, violations("{data.name.or(config:foo)}").size());
    }

    @Test
    void loopsAreBoundedInCountAndDepth() {
        assertEquals(List.of(), violations("{#for i in 1000}{i}{/for}"));
        assertEquals("a loop may count to at most 1000", violations("{#for i in 1001}{i}{/for}").get(0).message());
        assertEquals(List.of(), violations("{#for a in data.a}{#for b in a}{#for c in b}{c}{/for}{/for}{/for}"));
        assertEquals("loops may nest at most 3 deep",
                violations("{#for a in data.a}{#for b in a}{#for c in b}{#each c}{it}{/each}{/for}{/for}{/for}").get(0)
                        .message());
    }
}
