package org.hubprice.agents.baseline;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import org.hubprice.agents.Agent;
import org.hubprice.agents.AgentContext;
import org.hubprice.agents.AgentFactory;
import org.hubprice.agents.checkpoint.AgentCheckpoint;
import org.hubprice.agents.util.Params;

/** {@code random}: uniform actions over the action space, from the agent's seed. No parameters. */
public final class RandomFactory implements AgentFactory {
    @Override
    public String name() {
        return "random";
    }

    @Override
    public String description() {
        return "uniform random actions over the action space (seeded)";
    }

    @Override
    public Agent create(AgentContext context) {
        Params.of(name(), context.params()).requireKnown(Set.of());
        return new RandomAgent(context.observationSpace(), context.actionSpace(), context.seed());
    }

    @Override
    public Agent load(Path directory, AgentContext context) throws IOException {
        Params.of(name(), context.params()).requireKnown(Set.of());
        AgentCheckpoint ck = AgentCheckpoint.open(directory);
        ck.checkFits(name(), context);
        RandomAgent agent = new RandomAgent(context.observationSpace(), context.actionSpace(), ck.seed());
        agent.restoreRngState(ck.state().getLong("rng", agent.rngState()));
        return agent;
    }
}
