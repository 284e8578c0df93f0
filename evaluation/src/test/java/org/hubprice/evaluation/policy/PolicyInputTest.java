package org.hubprice.evaluation.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hubprice.agents.AgentRegistry;
import org.hubprice.agents.baseline.FixedMarkupAgent;
import org.hubprice.agents.baseline.RandomAgent;
import org.hubprice.env.api.Box;
import org.hubprice.env.api.Discrete;
import org.hubprice.env.game.HubPricingEnv;
import org.hubprice.evaluation.EvalFixtures;
import org.hubprice.evaluation.EvaluationResult;
import org.hubprice.evaluation.Evaluator;
import org.hubprice.evaluation.days.Scenarios;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Policies from the command line and from checkpoints: what fits, and clear errors for what does not. */
class PolicyInputTest {
    private static final List<String> HUBS = List.of("hub_0", "hub_1");
    private static Scenarios scenarios;
    private static HubPricingEnv env;

    @TempDir
    Path dir;

    @BeforeAll
    static void setUp() {
        scenarios = EvalFixtures.scenarios(EvalFixtures.config());
        env = scenarios.newEnvironment();
    }

    private static List<HubPolicy> parse(List<String> checkpoints, List<String> policies) throws Exception {
        return PolicySpecs.parse(HUBS, checkpoints, policies, AgentRegistry.load(), 0, "cpu");
    }

    private static IllegalArgumentException fails(List<String> checkpoints, List<String> policies) {
        return assertThrows(IllegalArgumentException.class, () -> Evaluator.evaluate(scenarios, parse(checkpoints, policies),
                EvalFixtures.options(1, 1)));
    }

    private Box envBox() {
        return (Box) env.actionSpace("hub_0");
    }

    @Test
    void fixedPoliciesParse() throws Exception {
        List<HubPolicy> p = parse(List.of(), List.of("hub_0=fixed-markup:1.5", "hub_1=cap"));
        assertEquals("fixed-markup:1.5", p.get(0).label());
        try (var a = p.get(0).open(env.observationSpace("hub_0"), envBox())) {
            assertEquals(1.5, a.act(new double[7], org.hubprice.agents.Mode.EVAL)[0]);
        }
        List<HubPolicy> all = parse(List.of(), List.of("all=fixed-markup:multiplier=1.25"));
        assertEquals(2, all.size());
    }

    @Test
    void aHubWithoutPolicyIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parse(List.of(), List.of("hub_0=cap")));
        assertTrue(e.getMessage().contains("no policy for hub_1"), e.getMessage());
        assertTrue(e.getMessage().contains("--checkpoint hub_1=PATH"), e.getMessage());
    }

    @Test
    void malformedAssignmentsAreRejected() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> parse(List.of(), List.of("hub_0=cap", "hub_0=cap", "hub_1=cap")))
                .getMessage().contains("two policies"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> parse(List.of(), List.of("hub_7=cap", "hub_1=cap")))
                .getMessage().contains("hub 'hub_7' is not one of [hub_0, hub_1]"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> parse(List.of(), List.of("cap"))).getMessage().contains("HUB=VALUE"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> parse(List.of(), List.of("all=fixed-markup:abc")))
                .getMessage().contains("'abc' is not a number"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> parse(List.of(), List.of("all=fixed-markups:1.5")))
                .getMessage().contains("is not registered"));
    }

    @Test
    void aMultiplierOutsideTheActionRangeIsRejected() {
        IllegalArgumentException e = fails(List.of(), List.of("all=fixed-markup:2.5"));
        assertTrue(e.getMessage().contains("outside the action space [1.0, 2.0]"), e.getMessage());
    }

    @Test
    void aCheckpointWithAnotherObservationSpaceIsRejected() throws Exception {
        Box wrongObs = new Box(new double[] {0, 0, 0}, new double[] {1, 1, 1});
        new FixedMarkupAgent("fixed-markup", wrongObs, envBox(), 1.5).save(dir.resolve("a"));
        IllegalArgumentException e = fails(List.of("hub_0=" + dir.resolve("a")), List.of("hub_1=cap"));
        assertTrue(e.getMessage().startsWith("hub_0: checkpoint"), e.getMessage());
        assertTrue(e.getMessage().contains("observation space: checkpoint"), e.getMessage());
    }

    @Test
    void aCheckpointWithAnotherActionSpaceIsRejected() throws Exception {
        Box wide = new Box(new double[] {1}, new double[] {3});
        new FixedMarkupAgent("fixed-markup", env.observationSpace("hub_0"), wide, 1.5).save(dir.resolve("b"));
        IllegalArgumentException e = fails(List.of("hub_1=" + dir.resolve("b")), List.of("hub_0=cap"));
        assertTrue(e.getMessage().contains("action space: checkpoint"), e.getMessage());
    }

    @Test
    void missingOrEmptyCheckpointDirectoriesAreNamed() throws Exception {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> parse(List.of("hub_0=" + dir.resolve("nothing-here")), List.of("hub_1=cap")));
        assertTrue(e.getMessage().contains("checkpoint of hub_0") && e.getMessage().contains("does not exist"), e.getMessage());
        Files.createDirectories(dir.resolve("empty"));
        e = assertThrows(IllegalArgumentException.class, () -> parse(List.of("hub_0=" + dir.resolve("empty")), List.of("hub_1=cap")));
        assertTrue(e.getMessage().contains("holds no manifest.json"), e.getMessage());
    }

    @Test
    void aTrainingCheckpointResolvesToTheHubsAgent() throws Exception {
        Path root = dir.resolve("run/checkpoints/final");
        new FixedMarkupAgent("fixed-markup", env.observationSpace("hub_0"), envBox(), 1.25).save(root.resolve("agents/hub_0"));
        new FixedMarkupAgent("fixed-markup", env.observationSpace("hub_1"), envBox(), 1.75).save(root.resolve("agents/hub_1"));
        List<HubPolicy> p = parse(List.of("all=" + root), List.of());
        EvaluationResult r = Evaluator.evaluate(scenarios, p, EvalFixtures.options(1, 1));
        assertEquals(1.25, r.days().get(0).learned().multiplier(5, 0), 1e-15);
        assertEquals(1.75, r.days().get(0).learned().multiplier(5, 1), 1e-15);
    }

    @Test
    void aDiscreteCheckpointPlaysItsLevelsOnTheBox() throws Exception {
        new RandomAgent(env.observationSpace("hub_0"), new Discrete(101), 3).save(dir.resolve("d"));
        List<HubPolicy> p = parse(List.of("hub_0=" + dir.resolve("d")), List.of("hub_1=cap"));
        EvaluationResult r = Evaluator.evaluate(scenarios, p, EvalFixtures.options(1, 1));
        double a = r.days().get(0).learned().multiplier(7, 0);
        double k = Math.round((a - 1) * 100);
        assertEquals(1 + k / 100, a, 1e-12, "a level of the 101-level grid: " + a);
        assertTrue((Boolean) r.policies().get(0).get("discreteActions"));
    }

    @Test
    void actionMapUsesTheTrainingLevels() {
        ActionMap m = ActionMap.of("hub_0", new Discrete(101), envBox());
        assertEquals(1.0, m.multiplier(new double[] {0}));
        assertEquals(1.5, m.multiplier(new double[] {50}), 1e-15);
        assertEquals(2.0, m.multiplier(new double[] {100}), 0.0, "the last level is exactly the top");
        assertThrows(IllegalStateException.class, () -> m.multiplier(new double[] {101}));
        assertThrows(IllegalStateException.class, () -> m.multiplier(new double[] {2.5}));
        assertThrows(IllegalArgumentException.class, () -> ActionMap.of("hub_0", new Box(new double[] {0}, new double[] {1}), envBox()));
    }
}
