package org.hubprice.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hubprice.evaluation.EvalFixtures;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One key namespace for {@code --set}: {@code train} and {@code configs} take environment keys with
 * or without {@code env.}, {@code env-check} and {@code evaluate} take them with or without it too;
 * errors name the key as typed, the value and the expected type in our words, and hints suggest a
 * key that works where the user typed it.
 */
class ConfigKeysCliTest {
    @TempDir
    Path tmp;

    private static String[] withFixture(String prefix, String... args) {
        List<String> a = new ArrayList<>(List.of(args));
        for (String o : EvalFixtures.OVERRIDES) {
            a.add("--set");
            a.add(prefix + o);
        }
        return a.toArray(String[]::new);
    }

    private void fails(CliRun r, String... parts) {
        assertEquals(2, r.exitCode, r.toString());
        assertEquals(1, r.err.lines().count(), "one line: " + r);
        assertTrue(r.err.startsWith("error: "), r.toString());
        for (String p : parts) {
            assertTrue(r.err.contains(p), "'" + p + "' missing: " + r);
        }
        for (String jackson : List.of("Cannot coerce", "CoercionConfig", "[Source:", "Unexpected character", "Cannot deserialize")) {
            assertFalse(r.err.contains(jackson), "no parser wording: " + r);
        }
    }

    @Test
    void envCheckAndEvaluateTakeTheEnvPrefixToo() throws Exception {
        CliRun plain = CliRun.of(withFixture("", "env-check", "--days", "1", "--markup", "1.5", "--json", "--set", "hubs.count=3"));
        assertEquals(0, plain.exitCode, plain.toString());
        CliRun prefixed = CliRun.of(withFixture("env.", "env-check", "--days", "1", "--markup", "1.5", "--json", "--set", "env.hubs.count=3"));
        assertEquals(0, prefixed.exitCode, prefixed.toString());
        assertEquals(plain.json().get("configDigest"), prefixed.json().get("configDigest"), "the same configuration either way");
        assertEquals(plain.json().get("results"), prefixed.json().get("results"));
        assertTrue(plain.out.contains("hub_2"), "three hubs: " + plain.out);
        CliRun eval = CliRun.of(withFixture("env.", "evaluate", "--policy", "all=cap", "--replications", "1", "--no-deviation",
                "--bootstrap", "100", "--out", tmp.resolve("e").toString(), "--set", "env.hubs.count=3", "--json"));
        assertEquals(0, eval.exitCode, eval.toString());
        assertEquals(3, eval.json().get("profit").get("learned").get("perHubMeanPerDay").size(), eval.out);
    }

    @Test
    void trainTakesEnvironmentKeysWithoutThePrefix() throws Exception {
        CliRun plain = CliRun.of("configs", "--show", "demo", "--set", "hubs.count=3", "--set", "agents=[sac]");
        assertEquals(0, plain.exitCode, plain.toString());
        CliRun prefixed = CliRun.of("configs", "--show", "demo", "--set", "env.hubs.count=3", "--set", "agents=[sac]");
        assertEquals(0, prefixed.exitCode, prefixed.toString());
        assertEquals(prefixed.out, plain.out);
        assertTrue(plain.out.contains("count: 3"), plain.out);
    }

    /** An agent's own error comes once under the seat's name, with the way out for a seat on the wrong action space. */
    @Test
    void agentErrorsNameTheSeatOnceAndTheActionsWayOut() {
        CliRun r = CliRun.of("train", "--config", "demo", "--out", tmp.resolve("b").toString(), "--set", "agents[0].params.tua=1");
        fails(r, "agents[0] (sac): unknown key 'tua'", "Maybe 'tau'?");
        assertFalse(r.err.contains("(sac): sac:"), "the agent is named once: " + r);
        fails(CliRun.of("train", "--config", "demo", "--out", tmp.resolve("b").toString(), "--set", "agents[0].actions=discrete"),
                "agents[0] (sac): the action space must be a Box", "Maybe agents[0].actions=continuous");
        // an error about another space (here the observation space, a Box) gets no actions advice
        CliRun obs = CliRun.of("train", "--config", "demo", "--out", tmp.resolve("b").toString(), "--set", "agents[0].agent=tabular-q", "--set",
                "agents[0].actions=discrete");
        fails(obs, "agents[0] (tabular-q): tabular-q needs a Discrete observation space");
        assertFalse(obs.err.contains(".actions="), "no advice about actions for an observation problem: " + obs);
        assertFalse(Files.exists(tmp.resolve("b")), "nothing written");
    }

    @Test
    void typeErrorsNameKeyValueAndTypeInOurWords() {
        fails(CliRun.of("train", "--config", "demo", "--out", tmp.resolve("a").toString(), "--set", "env.hubs.count=two"),
                "env.hubs.count = 'two' is not an integer");
        fails(CliRun.of("train", "--config", "demo", "--out", tmp.resolve("a").toString(), "--set", "hubs.count=two"),
                "env.hubs.count = 'two' is not an integer");
        fails(CliRun.of("env-check", "--set", "hubs.count=two"), "hubs.count = 'two' is not an integer");
        fails(CliRun.of("env-check", "--set", "hubs.stationsPerHub=[60, many]"), "hubs.stationsPerHub[1] = 'many' is not an integer");
        assertFalse(Files.exists(tmp.resolve("a")), "nothing written");
    }

    @Test
    void hintsSuggestAKeyThatWorksWhereItWasTyped() {
        CliRun t = CliRun.of("train", "--config", "demo", "--out", tmp.resolve("a").toString(), "--set", "env.hubs.cuont=3");
        fails(t, "unknown key 'env.hubs.cuont'", "under 'env.hubs'", "Maybe 'env.hubs.count'?");
        CliRun e = CliRun.of("env-check", "--set", "hubs.cuont=3");
        fails(e, "unknown key 'hubs.cuont'", "Maybe 'hubs.count'?");
        CliRun top = CliRun.of("train", "--config", "demo", "--out", tmp.resolve("a").toString(), "--set", "stoping.maxEpisodes=3");
        fails(top, "unknown key 'stoping'", "Maybe 'stopping'?");
    }

    @Test
    void aMistypedAgentGetsAMaybeAndAliasesAreShownAsSuch() {
        CliRun r = CliRun.of("train", "--config", "demo", "--out", tmp.resolve("a").toString(), "--set", "agents[0].agent=sacc");
        fails(r, "agents[0].agent", "agent = 'sacc' is not registered", "Maybe 'sac'?", "tabular-q (alias q-learning)");
        assertFalse(r.err.contains(" q-learning,"), "an alias is not listed as an agent of its own: " + r);
        CliRun far = CliRun.of("train", "--config", "demo", "--out", tmp.resolve("a").toString(), "--set", "agents[0].agent=zzzzzz");
        fails(far, "is not registered");
        assertFalse(far.err.contains("Maybe '"), "no far-fetched hint: " + far);
    }

    @Test
    void theGurobiLicenceErrorNamesTheConfigurationKeyNotAMissingOption() {
        Assumptions.assumeFalse(org.hubprice.models.milp.GurobiSupport.licenceAvailable(), "a Gurobi licence is configured here");
        CliRun r = CliRun.of("train", "--config", "demo", "--out", tmp.resolve("g").toString(), "--set", "env.power.solver=gurobi",
                "--set", "env.split.seed=4242");
        fails(r, "power.solver = 'gurobi'", "GRB_LICENSE_FILE", "Maybe --set power.solver=scip");
        assertFalse(r.err.contains("--solver"), "train has no --solver option: " + r);
    }

    @Test
    void anOutputWhereNothingCanBeCreatedIsRefusedUpFront() {
        Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self")), "needs /proc");
        long t0 = System.nanoTime();
        CliRun r = CliRun.of("train", "--config", "demo", "--out", "/proc/foo");
        fails(r, "--out /proc/foo cannot be created: /proc does not take new files", "Maybe another --out");
        CliRun e = CliRun.of(withFixture("", "evaluate", "--policy", "all=cap", "--out", "/proc/foo"));
        fails(e, "--out /proc/foo cannot be created", "Maybe another --out");
        assertTrue((System.nanoTime() - t0) / 1e9 < 30, "refused before any work");
    }
}
