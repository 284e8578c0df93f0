package org.hubprice.agents.example;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.hubprice.agents.Agent;
import org.hubprice.agents.AgentContext;
import org.hubprice.agents.AgentFactory;
import org.hubprice.agents.Mode;
import org.hubprice.agents.checkpoint.Checkpoints;
import org.hubprice.agents.checkpoint.Manifest;
import org.hubprice.agents.checkpoint.SpaceCodec;
import org.hubprice.agents.util.Params;
import org.hubprice.env.api.Box;
import org.hubprice.env.api.Space;
import org.hubprice.env.api.Transition;

/**
 * The worked example of a custom agent: a user's class, outside the built-in packages, that
 * becomes {@code --agent example-midpoint} by one line in {@code
 * META-INF/services/org.hubprice.agents.AgentFactory} (here in the test resources). It plays
 * the midpoint of a Box action space, shifted by the optional parameter {@code offset}, and
 * saves a checkpoint with the project's manifest so that loading checks the spaces.
 */
public final class MidpointAgentFactory implements AgentFactory {
    @Override
    public String name() {
        return "example-midpoint";
    }

    @Override
    public String description() {
        return "example custom agent: the midpoint of the action box (plus 'offset')";
    }

    @Override
    public Agent create(AgentContext context) {
        Params p = Params.of(name(), context.params()).requireKnown(Set.of("offset"));
        return new Midpoint(context.observationSpace(), context.actionSpace(), p.getDouble("offset", 0));
    }

    @Override
    public Agent load(Path directory, AgentContext context) throws IOException {
        Manifest m = Checkpoints.readManifest(directory);
        Checkpoints.checkCompatible(m, directory, name(), context.observationSpace(), context.actionSpace(), null);
        double offset = Double.parseDouble(Files.readString(directory.resolve("offset.txt")).trim());
        return new Midpoint(context.observationSpace(), context.actionSpace(), offset);
    }

    /** The agent itself: no learning, one action buffer reused on every call. */
    static final class Midpoint implements Agent {
        private final Space observationSpace;
        private final Box actionSpace;
        private final double offset;
        private final double[] action;

        Midpoint(Space observationSpace, Space actionSpace, double offset) {
            if (!(actionSpace instanceof Box b)) {
                throw new IllegalArgumentException("example-midpoint needs a Box action space; got " + actionSpace);
            }
            this.observationSpace = observationSpace;
            this.actionSpace = b;
            this.offset = offset;
            this.action = new double[b.dimension()];
            for (int i = 0; i < action.length; i++) {
                action[i] = Math.max(b.low(i), Math.min(b.high(i), (b.low(i) + b.high(i)) / 2 + offset));
            }
        }

        @Override
        public String name() {
            return "example-midpoint";
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
        public void observe(Transition transition) {
            // nothing to learn
        }

        @Override
        public int learn(int gradientSteps) {
            return 0;
        }

        @Override
        public void save(Path directory) throws IOException {
            Manifest m = new Manifest(Checkpoints.FORMAT_VERSION, name(), "midpoint", null, java.util.Map.of("offset", offset),
                    SpaceCodec.toMap(observationSpace), SpaceCodec.toMap(actionSpace), null, null,
                    Checkpoints.versionsWithoutEngine(), null, null, java.util.Map.of("offset", "offset.txt"));
            Checkpoints.writeAtomically(directory, tmp -> {
                Checkpoints.writeManifest(tmp, m);
                Files.writeString(tmp.resolve("offset.txt"), Double.toString(offset));
            });
        }
    }
}
