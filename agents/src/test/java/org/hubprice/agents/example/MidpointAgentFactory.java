package org.hubprice.agents.example;

import org.hubprice.agents.AgentContext;
import org.hubprice.agents.LearnerFactory;
import org.hubprice.agents.Policy;
import org.hubprice.agents.util.Params;
import org.hubprice.env.api.Box;

/**
 * The worked example of a fixed policy of your own, registered as {@code --agent example-midpoint}
 * by one line in {@code META-INF/services/org.hubprice.agents.AgentFactory} (here in the test
 * resources): the midpoint of a Box action space, shifted by the optional parameter
 * {@code offset}. {@code agents/README.md} shows the class from {@code // example:begin} to
 * {@code // example:end}, and {@code ReadmeExamplesTest} checks that it is the same text.
 */
// example:begin
public final class MidpointAgentFactory extends LearnerFactory {
    public MidpointAgentFactory() {
        super("example-midpoint", "example custom agent: the midpoint of the action box (plus 'offset')", "offset");
    }

    @Override
    protected Policy create(AgentContext context, Params params) {
        Box box = context.requireBox("example-midpoint");
        double[] action = new double[box.dimension()];
        for (int i = 0; i < action.length; i++) {
            action[i] = Math.min(box.high(i), (box.low(i) + box.high(i)) / 2 + params.getDouble("offset", 0));
        }
        return (observation, mode) -> action;
    }
}
// example:end
