package org.hubprice.agents;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hubprice.agents.checkpoint.AgentCheckpoint;
import org.hubprice.agents.util.Params;

/**
 * The short way to a registered agent: give a name, a description and the parameter keys, and
 * make the {@link Policy} or {@link Learner}; saving, loading (with the spaces checked) and the
 * unknown-parameter errors ("Maybe ...?") are done here. List the subclass in
 * {@code META-INF/services/org.hubprice.agents.AgentFactory} and {@code --agent NAME} finds it.
 *
 * <pre>{@code
 * public final class Midpoint extends LearnerFactory {
 *     public Midpoint() { super("midpoint", "the middle of the price range"); }
 *     protected Policy create(AgentContext ctx, Params p) {
 *         double[] a = {1.5};
 *         return (obs, mode) -> a;
 *     }
 * }
 * }</pre>
 */
public abstract class LearnerFactory implements AgentFactory {
    private final String name;
    private final String description;
    private final List<String> parameterKeys;

    protected LearnerFactory(String name, String description, String... parameterKeys) {
        this.name = name;
        this.description = description;
        this.parameterKeys = List.of(parameterKeys);
    }

    /** The policy or learner for a seat; {@code params} holds only the declared keys, with typed getters. */
    protected abstract Policy create(AgentContext context, Params params);

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final Agent create(AgentContext context) {
        Params p = Params.of(name, context.params()).requireKnown(parameterKeys);
        Policy policy = create(context, p);
        if (policy instanceof Agent a) {
            throw new IllegalStateException(name + ": LearnerFactory.create returned an Agent (" + a.getClass().getName() + "), whose own save()"
                    + " would never be called; return a Policy or Learner, or implement AgentFactory for an agent with a checkpoint of its own");
        }
        return new LearnerAgent(name, policy, context);
    }

    /**
     * Makes the agent again with the saved settings (settings given now override them) and
     * seed, then hands the learner its saved state.
     */
    @Override
    public final Agent load(Path directory, AgentContext context) throws IOException {
        AgentCheckpoint ck = AgentCheckpoint.open(directory);
        ck.checkFits(name, context);
        Map<String, Object> params = new LinkedHashMap<>(ck.manifest().hyperparameters());
        params.putAll(context.params());
        Agent agent = create(new AgentContext(context.observationSpace(), context.actionSpace(), params, ck.seed(), context.device()));
        return AgentCheckpoint.restoring(agent, a -> a.restore(ck.manifest().state()));
    }
}
