package org.hubprice.agents.sac;

import ai.djl.Device;
import ai.djl.nn.Block;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hubprice.agents.checkpoint.AgentCheckpoint;
import org.hubprice.agents.checkpoint.Manifest;
import org.hubprice.agents.norm.ObservationNormalizer;
import org.hubprice.agents.replay.ReplayBuffer;
import org.hubprice.agents.util.Params;
import org.hubprice.env.api.Space;

/**
 * A SAC agent's checkpoint: the manifest (settings, spaces, normalisation, seeds, counters,
 * random-stream states), the five networks' parameters, both optimisers' moments and, when
 * configured, the replay buffer; written atomically, so that a resumed agent continues bit for
 * bit where the saved one stopped.
 */
final class SacCheckpoint {
    static final String[] NETWORK_ROLES = {"actor", "critic1", "critic2", "target1", "target2"};
    static final String[] NETWORK_FILES = {"actor.params", "critic1.params", "critic2.params", "target1.params", "target2.params"};
    static final String OPTIMIZER_FILE = "optimizer.bin";
    static final String REPLAY_FILE = "replay.bin";

    private SacCheckpoint() {}

    static void save(SacAgent a, Path directory) throws IOException {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("updates", a.updates);
        state.put("transitions", a.replay.added());
        state.put("logAlpha", a.logAlpha);
        state.put("alphaAdam", List.of(a.alphaOpt.state()[0], a.alphaOpt.state()[1], a.alphaOpt.state()[2]));
        state.put("actRng", a.actRng.state());
        state.put("replayRng", a.sampleRng.state());
        state.put("noiseRng", a.noiseRng.state());
        state.put("adamSteps", List.of(a.actorOpt.steps(), a.criticOpt.steps(), a.criticOpt.steps()));
        Manifest.Builder m = Manifest.builder(SacAgent.NAME, "SAC").setSpaces(a.observationSpace, a.actionSpace)
                .optNetwork(a.config.network().toMap()).optHyperparameters(a.config.toMap())
                .optNormalization(a.obsNorm.toMap(), a.rewardScaler.toMap())
                .optSeeds(SacAgent.STREAMS.toMap(a.seed)).optState(state).optEngineVersions();
        Block[] nets = a.networks();
        AgentCheckpoint.save(directory, m, files -> {
            for (int i = 0; i < nets.length; i++) {
                files.parameters(NETWORK_ROLES[i], NETWORK_FILES[i], nets[i]);
            }
            files.binary("optimizer", OPTIMIZER_FILE, out -> {
                a.actorOpt.write(out);
                // one section per critic, as when each critic had its own optimiser
                a.criticOpt.write(out);
            });
            if (a.config.checkpointReplay()) {
                files.binary("replay", REPLAY_FILE, a.replay::write);
            }
        });
    }

    static SacAgent load(AgentCheckpoint ck, SacConfig config, Space observationSpace, Space actionSpace, Device device)
            throws IOException {
        return AgentCheckpoint.restoring(new SacAgent(config, observationSpace, actionSpace, ck.seed(), device), agent -> {
            Block[] nets = agent.networks();
            for (int i = 0; i < nets.length; i++) {
                ck.parameters(NETWORK_FILES[i], nets[i]);
            }
            ck.binary(OPTIMIZER_FILE, in -> {
                agent.actorOpt.read(in, ck.where(OPTIMIZER_FILE) + " (actor)");
                agent.criticOpt.read(in, ck.where(OPTIMIZER_FILE) + " (critics)");
            });
            if (ck.has(REPLAY_FILE)) {
                ck.binary(REPLAY_FILE, in -> agent.replay = ReplayBuffer.read(in, ck.where(REPLAY_FILE)));
                agent.replay.checkShape(config.bufferCapacity(), agent.obsDim, agent.actDim, ck.where(REPLAY_FILE));
            }
            Map<String, Object> obs = ck.normalization("observation");
            if (obs != null) {
                agent.obsNorm = ObservationNormalizer.fromMap(obs);
            }
            Params state = ck.state();
            agent.updates = state.getLong("updates", 0);
            agent.logAlpha = state.getDouble("logAlpha", agent.logAlpha);
            double[] alphaAdam = state.getDoubleList("alphaAdam");
            if (alphaAdam != null) {
                agent.alphaOpt.restore(alphaAdam);
            }
            agent.actRng.setState(state.getLong("actRng", agent.actRng.state()));
            agent.sampleRng.setState(state.getLong("replayRng", agent.sampleRng.state()));
            agent.noiseRng.setState(state.getLong("noiseRng", agent.noiseRng.state()));
        });
    }
}
