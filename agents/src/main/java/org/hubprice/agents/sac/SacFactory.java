package org.hubprice.agents.sac;

import java.io.IOException;
import java.nio.file.Path;
import org.hubprice.agents.Agent;
import org.hubprice.agents.AgentContext;
import org.hubprice.agents.AgentFactory;
import org.hubprice.agents.checkpoint.AgentCheckpoint;
import org.hubprice.agents.device.Devices;
import org.hubprice.agents.util.Params;

/**
 * {@code sac}: a {@link SacAgent}. Exploration is the policy's own sampling, so no wrapper is
 * needed. Parameters: see {@link SacConfig} (for example {@code network: mha},
 * {@code tau: 0.05}, {@code rewardNorm: none}).
 */
public final class SacFactory implements AgentFactory {
    @Override
    public String name() {
        return SacAgent.NAME;
    }

    @Override
    public String description() {
        return "soft actor-critic (ff or mha networks, tanh-squashed Gaussian actor, twin critics, automatic temperature)";
    }

    @Override
    public Agent create(AgentContext context) {
        SacConfig config = SacConfig.fromParams(Params.of(name(), context.params()));
        return new SacAgent(config, context.observationSpace(), context.actionSpace(), context.seed(),
                Devices.resolve(context.device()));
    }

    /**
     * Loads a checkpoint. Settings given in the context must agree with the checkpoint's (the
     * error lists those that differ); absent settings take the checkpoint's values.
     */
    @Override
    public Agent load(Path directory, AgentContext context) throws IOException {
        AgentCheckpoint ck = AgentCheckpoint.open(directory);
        SacConfig saved = ck.settings(name(), context, SacConfig::fromParams, SacConfig::toMap);
        return SacAgent.load(ck, saved, context.observationSpace(), context.actionSpace(), Devices.resolve(context.device()));
    }
}
