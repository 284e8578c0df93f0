package org.hubprice.agents;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class AgentRegistryTest {
    record Named(String name, List<String> aliases) implements AgentFactory {
        @Override
        public String description() {
            return "test factory";
        }

        @Override
        public Agent create(AgentContext context) {
            throw new IllegalStateException("not used in this test");
        }

        @Override
        public Agent load(Path directory, AgentContext context) {
            throw new IllegalStateException("not used in this test");
        }
    }

    @Test
    void findsByNameAndAliasCaseInsensitively() {
        Named a = new Named("alpha", List.of("first"));
        AgentRegistry r = AgentRegistry.of(a, new Named("beta", List.of()));
        assertSame(a, r.get("Alpha"));
        assertSame(a, r.get("first"));
        assertTrue(r.names().containsAll(List.of("alpha", "beta", "first")));
    }

    @Test
    void unknownNameListsTheRegisteredOnes() {
        AgentRegistry r = AgentRegistry.of(new Named("alpha", List.of()));
        var e = assertThrows(IllegalArgumentException.class, () -> r.get("gamma"));
        assertTrue(e.getMessage().contains("'gamma'") && e.getMessage().contains("[alpha]"), e.getMessage());
    }

    @Test
    void duplicateNamesFromDifferentFactoriesAreRejected() {
        assertThrows(IllegalStateException.class,
                () -> AgentRegistry.of(new Named("alpha", List.of()), new AlsoNamed()));
    }

    static final class AlsoNamed implements AgentFactory {
        @Override
        public String name() {
            return "alpha";
        }

        @Override
        public String description() {
            return "clash";
        }

        @Override
        public Agent create(AgentContext context) {
            throw new IllegalStateException("not used in this test");
        }

        @Override
        public Agent load(Path directory, AgentContext context) {
            throw new IllegalStateException("not used in this test");
        }
    }
}
