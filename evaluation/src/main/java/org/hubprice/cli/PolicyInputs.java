package org.hubprice.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hubprice.agents.AgentRegistry;
import org.hubprice.env.config.EnvConfig;
import org.hubprice.env.game.HubPricingEnv;
import org.hubprice.env.game.ObservationScaling;
import org.hubprice.evaluation.RunDirectory;
import org.hubprice.evaluation.days.Scenarios;
import org.hubprice.evaluation.policy.CheckpointPolicy;
import org.hubprice.evaluation.policy.HubPolicy;
import org.hubprice.evaluation.policy.PolicySpecs;
import picocli.CommandLine.Option;

/**
 * The options that say what plays each hub and on which days ({@code --run}, {@code --which},
 * {@code --checkpoint}, {@code --policy}, {@code --config}, {@code --set}, {@code --days},
 * {@code --device}), shared by {@code evaluate} and {@code best-response}, and their resolution
 * into scenarios and policies with every check made before any work.
 */
final class PolicyInputs {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--run", paramLabel = "DIR", description = "A training run: its configuration and its checkpoints (see --which).")
    Path run;

    @Option(names = "--which", defaultValue = "final", paramLabel = "final|best|last",
            description = "Which checkpoint of --run (default ${DEFAULT-VALUE}).")
    String which;

    @Option(names = "--checkpoint", paramLabel = "HUB=PATH",
            description = "A hub's checkpoint: an agent checkpoint directory or a run's checkpoints/NAME (repeatable; HUB may be 'all').")
    List<String> checkpoints = new ArrayList<>();

    @Option(names = "--policy", paramLabel = "HUB=SPEC",
            description = "A fixed policy for a hub: NAME, NAME:MULTIPLIER or NAME:key=value,... e.g. hub_0=fixed-markup:1.5, all=cap "
                    + "(repeatable; replaces that hub's checkpoint from --run).")
    List<String> policies = new ArrayList<>();

    @Option(names = "--config", paramLabel = "FILE", description = "Environment YAML (not with --run, which brings its own).")
    Path config;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override an environment key, e.g. demand.demandMultiplier=1.5 (repeatable).")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--days", defaultValue = "test", paramLabel = "test|train|all|FILE",
            description = "Days to evaluate (default ${DEFAULT-VALUE}: the held-out days): a scenario CSV or a PJM pair DA.csv,RT.csv (all its"
                    + " days), or test:FILE / train:FILE (the file's days on the dates the configuration holds out / trains on, e.g. a"
                    + " run trained on the synthetic year played on the node's own held-out days).")
    String days;

    @Option(names = "--device", defaultValue = "cpu", paramLabel = "cpu|gpu|auto", description = "Where networks run (default ${DEFAULT-VALUE}).")
    String device;

    /** What the options resolved to. */
    record Resolved(RunDirectory run, Scenarios scenarios, List<HubPolicy> policies) {}

    /** Resolves the options: the environment, the days and one policy per hub (seeded by {@code seed}). */
    Resolved resolve(long seed) throws IOException {
        RunDirectory r = null;
        EnvConfig env;
        if (run != null) {
            if (config != null) {
                throw new IllegalArgumentException("--config and --run both give the environment; --run uses the run's own configuration. "
                        + "Maybe drop --config (use --set to change single keys)");
            }
            r = RunDirectory.open(run);
            env = r.envConfig(overrides);
        } else {
            if (checkpoints.isEmpty() && policies.isEmpty()) {
                throw new IllegalArgumentException("nothing to evaluate: give --run DIR, or --checkpoint HUB=PATH / --policy HUB=SPEC for every hub");
            }
            env = config != null ? EnvConfig.load(config, overrides) : EnvConfig.defaults().withOverrides(overrides);
        }
        Scenarios scenarios = Scenarios.of(env, days, null);
        HubPricingEnv probe = scenarios.newEnvironment();
        List<String> agents = probe.possibleAgents();
        List<String> cps = new ArrayList<>(checkpoints);
        if (r != null) {
            Path cp = r.checkpoint(which);
            List<String> given = new ArrayList<>();
            for (String e : policies) {
                given.add(e.substring(0, Math.max(0, e.indexOf('='))).trim());
            }
            for (String e : checkpoints) {
                given.add(e.substring(0, Math.max(0, e.indexOf('='))).trim());
            }
            for (String a : agents) {
                if (!given.contains(a) && !given.contains("all")) {
                    cps.add(a + "=" + cp);
                }
            }
        }
        List<HubPolicy> hubPolicies = PolicySpecs.parse(agents, cps, policies, AgentRegistry.load(), seed, device);
        for (HubPolicy p : hubPolicies) {
            if (p instanceof CheckpointPolicy c) {
                checkScaling(c, scenarios.normalizer());
            }
        }
        return new Resolved(r, scenarios, hubPolicies);
    }

    /**
     * A checkpoint inside a training checkpoint ({@code checkpoints/NAME/agents/hub_i}) records
     * the observation scaling it was trained with; evaluating it on another scale would feed it
     * observations it never saw, so that is an error.
     */
    private static void checkScaling(CheckpointPolicy c, ObservationScaling now) throws IOException {
        Path agentsDir = c.directory().toAbsolutePath().normalize().getParent();
        if (agentsDir == null || agentsDir.getParent() == null) {
            return;
        }
        Path info = agentsDir.getParent().resolve("checkpoint.json");
        if (!Files.isRegularFile(info)) {
            return;
        }
        org.hubprice.agents.checkpoint.CheckpointDigests.verify(info.getParent());
        JsonNode n = org.hubprice.agents.checkpoint.Checkpoints.readJson(info, JsonNode.class).path("environment").path("observationNormalizer");
        if (n.isMissingNode() || n.isNull()) {
            return;
        }
        ObservationScaling saved = JSON.treeToValue(n, ObservationScaling.class);
        if (!saved.equals(now)) {
            throw new IllegalArgumentException("checkpoint " + c.directory() + " was trained with observation scaling " + saved
                    + " but this environment configuration gives " + now + ". Maybe evaluate with --run (the run's configuration) or the "
                    + "--config it was trained with");
        }
    }
}
