package org.hubprice.agents;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Creates agents of one kind. Register an implementation in
 * {@code META-INF/services/org.hubprice.agents.AgentFactory} and its {@link #name()} becomes
 * usable as {@code --agent NAME}.
 */
public interface AgentFactory {
    /** The registry name, lower-case with dashes ({@code sac}, {@code fixed-markup}). */
    String name();

    /** Other names that resolve to this factory (optional). */
    default java.util.List<String> aliases() {
        return java.util.List.of();
    }

    /** One line for {@code hubprice agents}. */
    String description();

    /** A fresh agent for the given seat. */
    Agent create(AgentContext context);

    /**
     * Restores an agent written by {@link Agent#save}; the context's spaces must match the
     * checkpoint's, otherwise a clear error says which differs.
     */
    Agent load(Path directory, AgentContext context) throws IOException;
}
