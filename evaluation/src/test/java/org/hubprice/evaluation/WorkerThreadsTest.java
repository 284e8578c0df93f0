package org.hubprice.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.hubprice.evaluation.days.Scenarios;
import org.hubprice.evaluation.policy.HubPolicy;
import org.junit.jupiter.api.Test;

/**
 * An evaluation of network policies gives the same bits on one worker thread and on two. The
 * attention network's forward pass runs matrix products whose last bits depend on how many
 * threads the engine gives them; a fresh worker thread that did not take the engine's count
 * made the held-out prices of a SAC-MHA run differ in their last digits between {@code
 * --threads 1} and {@code --threads 2}.
 */
class WorkerThreadsTest {
    private static final Scenarios SCENARIOS = EvalFixtures.scenarios(EvalFixtures.config());

    @Test
    void anAttentionPolicyEvaluatesTheSameOnOneAndOnTwoWorkers() throws Exception {
        List<HubPolicy> mha = EvalFixtures.all("sac:network=mha", 2);
        EvaluationResult one = Evaluator.evaluate(SCENARIOS, mha, options(1));
        EvaluationResult two = Evaluator.evaluate(SCENARIOS, mha, options(2));
        assertEquals(one.days().size(), two.days().size());
        for (int d = 0; d < one.days().size(); d++) {
            DayPath a = one.days().get(d).learned();
            DayPath b = two.days().get(d).learned();
            for (int t = 0; t < 24; t++) {
                for (int i = 0; i < 2; i++) {
                    assertEquals(a.multiplier(t, i), b.multiplier(t, i), 0.0, "day " + d + " hour " + t + " hub " + i);
                    assertEquals(a.profit(t, i), b.profit(t, i), 0.0, "day " + d + " hour " + t + " hub " + i);
                }
            }
        }
    }

    private static EvaluationOptions options(int threads) {
        return EvaluationOptions.builder().optReplications(2).optThreads(threads).optBootstrapResamples(200).optNash(false).build();
    }
}
