package org.hubprice.agents.tabular;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.hubprice.agents.ActionSpaceKindException;
import org.hubprice.agents.Agent;
import org.hubprice.agents.AgentContext;
import org.hubprice.agents.AgentFactory;
import org.hubprice.env.api.Discrete;
import org.hubprice.env.api.Space;

/**
 * Registers {@link TabularQAgent} as {@code tabular-q} (alias {@code q-learning}). Parameters
 * ({@link TabularQConfig#KEYS}): {@code alpha}, {@code beta}, {@code discount},
 * {@code convergencePeriods}, {@code qInit}. Needs {@link Discrete} observations and actions.
 */
public final class TabularQFactory implements AgentFactory {
    @Override
    public String name() {
        return TabularQAgent.NAME;
    }

    @Override
    public List<String> aliases() {
        return List.of("q-learning");
    }

    @Override
    public String description() {
        return "tabular Q-learning with exp(-beta t) exploration (Calvano et al. 2020); discrete observations and actions";
    }

    @Override
    public Agent create(AgentContext context) {
        return new TabularQAgent(discrete("observation", context.observationSpace()),
                ActionSpaceKindException.requireDiscrete(TabularQAgent.NAME, context.actionSpace()), TabularQConfig.fromParams(context.params(), TabularQConfig.defaults()), context.seed());
    }

    @Override
    public Agent load(Path directory, AgentContext context) throws IOException {
        return TabularQAgent.load(directory, discrete("observation", context.observationSpace()),
                ActionSpaceKindException.requireDiscrete(TabularQAgent.NAME, context.actionSpace()), context.params());
    }

    private static Discrete discrete(String which, Space space) {
        if (space instanceof Discrete d) {
            return d;
        }
        throw new IllegalArgumentException("tabular-q needs a Discrete " + which + " space; got " + space
                + "; Maybe use an index observation encoding (observation=index) or a neural agent such as dqn");
    }
}
