package org.hubprice.training.run;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hubprice.agents.Agent;
import org.hubprice.agents.checkpoint.CheckpointDigests;
import org.hubprice.env.api.VectorEnv;
import org.hubprice.training.TrainerState;
import org.hubprice.training.output.RunFiles;

/**
 * Writes a named checkpoint atomically: the loop's state ({@code trainer-state.json}), a
 * description ({@code checkpoint.json}) and every agent's own checkpoint under
 * {@code agents/NAME}, then the digests of the two files (each agent's directory carries its
 * own). A kill at any moment leaves the previous checkpoint or the new one.
 */
public final class CheckpointWriter {
    private final RunLayout layout;
    private final VectorEnv env;
    private final List<String> agentKinds;
    private final long seed;

    /**
     * @param agentKinds the registry name of each hub's agent
     * @param seed the run's root seed
     */
    public CheckpointWriter(RunLayout layout, VectorEnv env, List<String> agentKinds, long seed) {
        this.layout = layout;
        this.env = env;
        this.agentKinds = List.copyOf(agentKinds);
        this.seed = seed;
    }

    /** Writes checkpoint {@code name} with the loop's {@code state} and the {@code agents}' own state. */
    public void write(String name, TrainerState state, Agent[] agents) throws IOException {
        RunFiles.writeDirectory(layout.checkpoint(name), tmp -> {
            RunFiles.writeJson(tmp.resolve(RunLayout.TRAINER_STATE), state);
            Map<String, Object> info = new LinkedHashMap<>();
            info.put("kind", name);
            info.put("episodes", state.episodes());
            info.put("time", Instant.now().toString());
            info.put("configSeed", seed);
            List<Map<String, Object>> list = new ArrayList<>();
            for (int i = 0; i < agents.length; i++) {
                Map<String, Object> a = new LinkedHashMap<>();
                a.put("hub", env.agentName(i));
                a.put("agent", agentKinds.get(i));
                a.put("dir", RunLayout.AGENTS_DIR + "/" + env.agentName(i));
                list.add(a);
            }
            info.put("agents", list);
            info.put("environment", env.describe());
            RunFiles.writeJson(tmp.resolve(RunLayout.CHECKPOINT_JSON), info);
            for (int i = 0; i < agents.length; i++) {
                agents[i].save(agentDir(tmp, i));
            }
            CheckpointDigests.seal(tmp, false);
        });
    }

    /** Agent {@code i}'s directory inside checkpoint directory {@code checkpoint}. */
    public Path agentDir(Path checkpoint, int i) {
        return checkpoint.resolve(RunLayout.AGENTS_DIR).resolve(env.agentName(i));
    }
}
