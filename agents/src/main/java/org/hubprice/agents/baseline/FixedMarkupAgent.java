package org.hubprice.agents.baseline;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.hubprice.agents.ActionSpaceKindException;
import org.hubprice.agents.Agent;
import org.hubprice.agents.Mode;
import org.hubprice.agents.checkpoint.AgentCheckpoint;
import org.hubprice.agents.checkpoint.Manifest;
import org.hubprice.env.api.Box;
import org.hubprice.env.api.Space;

/**
 * Always plays the same action: {@code multiplier} in every dimension of a Box action space,
 * in the action's own units. In the hub game the action is the price multiplier
 * {@code a in [1, 2]} on the marginal cost {@code min(p_da, p_rt)}, so {@code multiplier = 1}
 * prices at marginal cost (the competitive benchmark) and {@code 2} at the cap (the monopoly
 * benchmark under the default demand model). It never learns.
 */
public final class FixedMarkupAgent implements Agent {
    private final String name;
    private final Space observationSpace;
    private final Box actionSpace;
    private final double multiplier;
    private final double[] action;

    public FixedMarkupAgent(String name, Space observationSpace, Space actionSpace, double multiplier) {
        Box box = ActionSpaceKindException.requireBox(name, actionSpace, "it plays a fixed value in the action's units");
        if (!Double.isFinite(multiplier)) {
            throw new IllegalArgumentException(name + ": multiplier = " + multiplier + " is not a finite number");
        }
        for (int i = 0; i < box.dimension(); i++) {
            if (multiplier < box.low(i) || multiplier > box.high(i)) {
                throw new IllegalArgumentException(name + ": multiplier = " + multiplier + " is outside the action space [" + box.low(i)
                        + ", " + box.high(i) + "] (dimension " + i + "); the multiplier is in the action's units, e.g. 1.0 to 2.0 for the"
                        + " hub game's price multiplier");
            }
        }
        this.name = name;
        this.observationSpace = observationSpace;
        this.actionSpace = box;
        this.multiplier = multiplier;
        this.action = new double[box.dimension()];
        Arrays.fill(action, multiplier);
    }

    public double multiplier() {
        return multiplier;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Space observationSpace() {
        return observationSpace;
    }

    @Override
    public Space actionSpace() {
        return actionSpace;
    }

    @Override
    public double[] act(double[] observation, Mode mode) {
        return action;
    }

    @Override
    public void save(Path directory) throws IOException {
        AgentCheckpoint.save(directory, Manifest.builder(name, "fixed markup").setSpaces(observationSpace, actionSpace)
                .optHyperparameters(Map.of("multiplier", multiplier)), files -> {});
    }
}
