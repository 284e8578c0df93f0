package org.hubprice.agents.baseline;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.hubprice.agents.Agent;
import org.hubprice.agents.AgentContext;
import org.hubprice.agents.AgentFactory;
import org.hubprice.agents.checkpoint.AgentCheckpoint;
import org.hubprice.agents.checkpoint.Checkpoints;
import org.hubprice.agents.util.Params;

/**
 * {@code fixed-markup}: a constant action given by the parameter {@code multiplier} (required,
 * in the action's units). The presets {@link MarginalCostFactory marginal-cost} (1.0) and
 * {@link CapFactory cap} (2.0) are separate names because a registry alias cannot carry a
 * parameter value.
 */
public class FixedMarkupFactory implements AgentFactory {
    @Override
    public String name() {
        return "fixed-markup";
    }

    @Override
    public String description() {
        return "constant action 'multiplier' in the action's units (hub game: price = multiplier x marginal cost)";
    }

    /** The multiplier this factory's agents play, read from the parameters (presets override). */
    protected double multiplier(Params p) {
        p.requireKnown(Set.of("multiplier"));
        if (!p.has("multiplier")) {
            throw new IllegalArgumentException(name() + " needs the parameter multiplier, e.g. --set multiplier=1.5"
                    + "; Maybe use the presets marginal-cost (1.0) or cap (2.0)");
        }
        return p.getDouble("multiplier", Double.NaN);
    }

    @Override
    public Agent create(AgentContext context) {
        return new FixedMarkupAgent(name(), context.observationSpace(), context.actionSpace(),
                multiplier(Params.of(name(), context.params())));
    }

    @Override
    public Agent load(Path directory, AgentContext context) throws IOException {
        AgentCheckpoint ck = AgentCheckpoint.open(directory);
        ck.checkFits(name(), context);
        double saved = Params.of(name(), ck.manifest().hyperparameters()).getDouble("multiplier", Double.NaN);
        if (!context.params().isEmpty()) {
            double requested = multiplier(Params.of(name(), context.params()));
            Checkpoints.checkSameConfig(directory, Map.of("multiplier", saved), Map.of("multiplier", requested));
        }
        return new FixedMarkupAgent(name(), context.observationSpace(), context.actionSpace(), saved);
    }

    /** A preset with a fixed multiplier and no parameters. */
    public abstract static class Preset extends FixedMarkupFactory {
        /** The multiplier of this preset. */
        protected abstract double preset();

        @Override
        protected double multiplier(Params p) {
            p.requireKnown(Set.of());
            return preset();
        }
    }
}
