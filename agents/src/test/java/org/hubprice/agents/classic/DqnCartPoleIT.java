package org.hubprice.agents.classic;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.hubprice.agents.checkpoint.Json;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DQN learns CartPole-v1.
 *
 * <ul>
 *   <li>CI check (always): within 50 000 steps a greedy evaluation (10 episodes) reaches a mean
 *       return of at least 150, against about 22 for a random policy ({@link CartPoleTest}). It
 *       stops at the first evaluation that does. Same seed as the full run: the training
 *       trajectory does not depend on the evaluation schedule, so the CI run is a prefix of
 *       the full one (on the same CPU and thread count).</li>
 *   <li>Full check ({@code -Dhubprice.cartpole.full=true}): within 100 000 steps an evaluation
 *       reaches 475, the return at which CartPole-v1 counts as solved. Run it with
 *       {@code mvn -B -o verify -pl agents -am -Dit.test=DqnCartPoleIT -Dhubprice.cartpole.full=true}.</li>
 * </ul>
 * Each writes its learning curve to {@code agents/target/cartpole-dqn-*.json}.
 */
class DqnCartPoleIT {
    private static final Logger LOG = LoggerFactory.getLogger(DqnCartPoleIT.class);

    private static void record(String name, CartPoleDqn.Result r) throws Exception {
        Path out = Path.of("target", "cartpole-dqn-" + name + ".json");
        Files.createDirectories(out.getParent());
        Json.write(out, r.toMap());
        LOG.info("CartPole DQN ({}): best mean return {} after {} steps, {} s; curve {}", name, r.best(), r.steps(),
                String.format("%.1f", r.seconds()), r.evals());
    }

    @Test
    void clearlyBeatsARandomPolicyWithin50000Steps() throws Exception {
        CartPoleDqn.Result r = CartPoleDqn.run(7, 50_000, 5_000, 150);
        record("ci", r);
        assertTrue(r.best() >= 150, "best greedy mean return " + r.best() + " < 150 (random policy: ~22); curve " + r.evals());
    }

    @Test
    void solvesCartPoleWithin100000Steps() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("hubprice.cartpole.full"),
                "full CartPole run (minutes) only with -Dhubprice.cartpole.full=true");
        CartPoleDqn.Result r = CartPoleDqn.run(7, 100_000, 5_000, 475);
        record("full", r);
        assertTrue(r.best() >= 475, "best greedy mean return " + r.best() + " < 475 within 100k steps; curve " + r.evals());
    }
}
