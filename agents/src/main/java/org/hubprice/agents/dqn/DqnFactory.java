package org.hubprice.agents.dqn;

import java.io.IOException;
import java.nio.file.Path;
import org.hubprice.agents.Agent;
import org.hubprice.agents.AgentContext;
import org.hubprice.agents.AgentFactory;
import org.hubprice.agents.checkpoint.AgentCheckpoint;
import org.hubprice.agents.device.Devices;
import org.hubprice.agents.util.Params;
import org.hubprice.agents.wrappers.ActionSampler;
import org.hubprice.agents.wrappers.EpsilonGreedy;

/**
 * {@code dqn}: a {@link DqnAgent} inside an {@link EpsilonGreedy} wrapper whose random actions
 * are uniform over the agent's discrete levels. Parameters: see {@link DqnConfig} (for
 * example {@code network: mha}, {@code doubleDqn: true}, {@code targetUpdate: hard}).
 */
public final class DqnFactory implements AgentFactory {
    @Override
    public String name() {
        return DqnAgent.NAME;
    }

    @Override
    public String description() {
        return "deep Q-learning (ff or mha network, epsilon-greedy, replay, Polyak/hard target updates, optional double DQN)";
    }

    @Override
    public Agent create(AgentContext context) {
        DqnConfig config = DqnConfig.fromParams(Params.of(name(), context.params()));
        DqnAgent dqn = new DqnAgent(config, context.observationSpace(), context.actionSpace(), context.seed(),
                Devices.resolve(context.device()));
        return new EpsilonGreedy(dqn, config.epsilon(), sampler(dqn), DqnAgent.STREAMS.seed(context.seed(), "explore"));
    }

    private static ActionSampler sampler(DqnAgent dqn) {
        return (rng, out) -> dqn.actionFor(rng.nextInt(dqn.actionCount()), out);
    }

    /**
     * Loads a checkpoint. Settings given in the context must agree with the checkpoint's (the
     * error lists those that differ); absent settings take the checkpoint's values.
     */
    @Override
    public Agent load(Path directory, AgentContext context) throws IOException {
        AgentCheckpoint ck = AgentCheckpoint.open(directory);
        DqnConfig saved = ck.settings(name(), context, DqnConfig::fromParams, DqnConfig::toMap);
        DqnAgent dqn = DqnAgent.load(ck, saved, context.observationSpace(), context.actionSpace(), Devices.resolve(context.device()));
        try {
            return EpsilonGreedy.restore(dqn, saved.epsilon(), sampler(dqn), directory);
        } catch (IOException | RuntimeException e) {
            dqn.close();
            throw e;
        }
    }
}
