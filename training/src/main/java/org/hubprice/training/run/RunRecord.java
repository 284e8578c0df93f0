package org.hubprice.training.run;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hubprice.agents.checkpoint.Checkpoints;
import org.hubprice.common.Provenance;
import org.hubprice.common.Seeds;
import org.hubprice.env.api.VectorEnv;
import org.hubprice.training.StopReason;
import org.hubprice.training.config.TrainingConfig;
import org.hubprice.training.output.RunFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The run record {@code run.json}: the resolved configuration, the seeds, the agents and
 * environment, versions, and one entry per session (start, device, runtime, command,
 * provenance; its stop once it stops cleanly). A session without a recorded stop was killed or
 * crashed; the next resume says so in the log.
 */
public final class RunRecord {
    private static final Logger LOG = LoggerFactory.getLogger(RunRecord.class);

    private final RunLayout layout;
    private final TrainingConfig config;

    public RunRecord(RunLayout layout, TrainingConfig config) {
        this.layout = layout;
        this.config = config;
    }

    /**
     * Records a starting session: a new run's record (and its {@code config.yaml}), or a
     * resumed run's record with one more session.
     *
     * @param session what to record about this session (device, runtime, command)
     * @param agents per hub: agent name, description and spaces
     * @param resumeFrom the checkpoint resumed from, or null for a new run
     */
    public void start(Map<String, Object> session, VectorEnv env, List<Map<String, Object>> agents, Path resumeFrom, long episodes)
            throws IOException {
        Path file = layout.file(RunLayout.RUN_JSON);
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("started", Instant.now().toString());
        s.put("resumedFrom", resumeFrom == null ? null : layout.dir().relativize(resumeFrom).toString());
        s.put("episodesAtStart", episodes);
        s.putAll(session);
        s.put("provenance", Provenance.collect());
        Map<String, Object> run;
        if (resumeFrom != null && Files.isRegularFile(file)) {
            run = read(file);
            List<Object> list = sessions(run);
            if (!list.isEmpty() && list.get(list.size() - 1) instanceof Map<?, ?> previous && !previous.containsKey("stopped")) {
                LOG.warn("the previous session (started {}) has no clean stop recorded: it was killed or crashed. Resuming from {} at "
                        + "episode {}; the episodes it played after that checkpoint are played again", previous.get("started"),
                        layout.dir().relativize(resumeFrom), episodes);
            }
            list.add(s);
            run.put("sessions", list);
            run.put("config", config.toMap());
        } else {
            run = new LinkedHashMap<>();
            run.put("kind", "hubprice training run");
            run.put("config", config.toMap());
            run.put("seeds", seeds(env.agentCount()));
            run.put("agents", agents);
            run.put("environment", env.describe());
            run.put("versions", versions());
            run.put("sessions", new ArrayList<>(List.of(s)));
            RunFiles.writeString(layout.file(RunLayout.CONFIG_YAML), "# Resolved training configuration of this run (read back by --resume).\n"
                    + config.toYaml());
        }
        RunFiles.writeJson(file, run);
    }

    /** Marks the last session as stopped cleanly, so the next resume can tell a kill from a stop. */
    public void stop(StopReason reason, long episodes) throws IOException {
        Path file = layout.file(RunLayout.RUN_JSON);
        Map<String, Object> run = read(file);
        List<Object> list = sessions(run);
        if (!list.isEmpty() && list.get(list.size() - 1) instanceof Map<?, ?> last) {
            @SuppressWarnings("unchecked")
            Map<String, Object> session = new LinkedHashMap<>((Map<String, Object>) last);
            session.put("stopped", Instant.now().toString());
            session.put("stopReason", reason.name());
            session.put("episodesAtStop", episodes);
            list.set(list.size() - 1, session);
            run.put("sessions", list);
            RunFiles.writeJson(file, run);
        }
    }

    private Map<String, Object> seeds(int hubs) {
        Map<String, Object> seeds = new LinkedHashMap<>();
        seeds.put("root", config.seed());
        seeds.put("episodes", "episode k (0-based) resets the environment with Seeds.derive(root, \"episode\", k)");
        List<Long> agentSeeds = new ArrayList<>();
        for (int i = 0; i < hubs; i++) {
            agentSeeds.add(Seeds.derive(config.seed(), "agent", i));
        }
        seeds.put("agents", agentSeeds);
        seeds.put("validationSet", Seeds.derive(config.seed(), "validation-set"));
        seeds.put("validationDays", "validation slot j resets with Seeds.derive(root, \"validation\", j)");
        return seeds;
    }

    private static Map<String, Object> read(Path file) throws IOException {
        return RunFiles.JSON.readValue(file.toFile(), new TypeReference<LinkedHashMap<String, Object>>() {});
    }

    @SuppressWarnings("unchecked")
    private static List<Object> sessions(Map<String, Object> run) {
        return run.get("sessions") instanceof List<?> l ? new ArrayList<>((List<Object>) l) : new ArrayList<>();
    }

    /** Library versions for the record (without the engine's when it cannot start). */
    public static Map<String, Object> versions() {
        try {
            return Checkpoints.versions();
        } catch (RuntimeException | LinkageError e) {
            return Checkpoints.versionsWithoutEngine();
        }
    }
}
