package org.hubprice.agents.sac;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hubprice.agents.Agent;
import org.hubprice.agents.AgentContext;
import org.hubprice.agents.AgentFactory;
import org.hubprice.agents.checkpoint.Checkpoints;
import org.hubprice.agents.checkpoint.Manifest;
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
        Manifest m = Checkpoints.readManifest(directory);
        SacConfig saved = SacConfig.fromParams(Params.of(name(), m.hyperparameters()));
        Checkpoints.checkCompatible(m, directory, name(), context.observationSpace(), context.actionSpace(), null);
        if (!context.params().isEmpty()) {
            Map<String, Object> merged = new LinkedHashMap<>(m.hyperparameters());
            merged.putAll(context.params());
            SacConfig requested = SacConfig.fromParams(Params.of(name(), merged));
            Checkpoints.checkSameConfig(directory, saved.toMap(), requested.toMap());
        }
        return SacAgent.load(directory, m, saved, context.observationSpace(), context.actionSpace(),
                Devices.resolve(context.device()));
    }
}
