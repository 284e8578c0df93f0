package org.hubprice.evaluation;

import java.nio.file.Path;
import java.util.Map;
import org.hubprice.agents.Agent;
import org.hubprice.agents.Mode;
import org.hubprice.env.api.Box;
import org.hubprice.env.api.Space;
import org.hubprice.env.api.Transition;
import org.hubprice.evaluation.policy.HubPolicy;

/**
 * A test policy that prices at 1 + (battery energy / capacity): it reacts to its own battery,
 * which a rival's prices change, so it responds to deviations the way a learned policy can.
 */
public final class ReactivePolicy implements HubPolicy {
    /** The policy. */
    public static final HubPolicy INSTANCE = new ReactivePolicy();

    private ReactivePolicy() {}

    @Override
    public String label() {
        return "battery-pricer";
    }

    @Override
    public Map<String, Object> describe() {
        return Map.of("kind", "test");
    }

    @Override
    public Agent open(Space observationSpace, Box actionSpace) {
        return new BatteryPricer(observationSpace, actionSpace);
    }

    private static final class BatteryPricer implements Agent {
        private final Space obs;
        private final Box act;
        private final double[] out = new double[1];

        BatteryPricer(Space obs, Box act) {
            this.obs = obs;
            this.act = act;
        }

        @Override
        public String name() {
            return "battery-pricer";
        }

        @Override
        public Space observationSpace() {
            return obs;
        }

        @Override
        public Space actionSpace() {
            return act;
        }

        @Override
        public double[] act(double[] observation, Mode mode) {
            out[0] = 1.0 + Math.min(1.0, Math.max(0.0, observation[5]));
            return out;
        }

        @Override
        public void observe(Transition transition) {}

        @Override
        public int learn(int gradientSteps) {
            return 0;
        }

        @Override
        public void save(Path directory) {
            throw new IllegalStateException("a test policy has nothing to save");
        }
    }
}
