package org.hubprice.agents.sac;

import ai.djl.Device;
import ai.djl.nn.Block;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hubprice.agents.checkpoint.Checkpoints;
import org.hubprice.agents.checkpoint.Manifest;
import org.hubprice.agents.checkpoint.SpaceCodec;
import org.hubprice.agents.nn.ParameterIO;
import org.hubprice.agents.norm.ObservationNormalizer;
import org.hubprice.agents.replay.ReplayBuffer;
import org.hubprice.agents.util.Params;
import org.hubprice.common.Provenance;
import org.hubprice.common.Seeds;
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
        Map<String, Object> seeds = new LinkedHashMap<>();
        seeds.put("seed", a.seed);
        for (String c : new String[] {"init/actor", "init/critic1", "init/critic2", "act", "replay", "update-noise"}) {
            seeds.put(c, Seeds.derive(a.seed, "sac/" + c));
        }
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("updates", a.updates);
        state.put("transitions", a.replay.added());
        state.put("logAlpha", a.logAlpha);
        state.put("alphaAdam", List.of(a.alphaOpt.state()[0], a.alphaOpt.state()[1], a.alphaOpt.state()[2]));
        state.put("actRng", a.actRng.state());
        state.put("replayRng", a.sampleRng.state());
        state.put("noiseRng", a.noiseRng.state());
        state.put("adamSteps", List.of(a.actorOpt.steps(), a.criticOpt.steps(), a.criticOpt.steps()));
        Map<String, Object> normalization = new LinkedHashMap<>();
        normalization.put("observation", a.obsNorm.toMap());
        normalization.put("reward", a.rewardScaler.toMap());
        Map<String, String> files = new LinkedHashMap<>();
        for (int i = 0; i < NETWORK_FILES.length; i++) {
            files.put(NETWORK_ROLES[i], NETWORK_FILES[i]);
        }
        files.put("optimizer", OPTIMIZER_FILE);
        if (a.config.checkpointReplay()) {
            files.put("replay", REPLAY_FILE);
        }
        Manifest m = new Manifest(Checkpoints.FORMAT_VERSION, SacAgent.NAME, "SAC", a.config.network().toMap(), a.config.toMap(),
                SpaceCodec.toMap(a.observationSpace), SpaceCodec.toMap(a.actionSpace), normalization, seeds, Checkpoints.versions(),
                Provenance.collect(), state, files);
        Block[] nets = a.networks();
        Checkpoints.writeAtomically(directory, tmp -> {
            Checkpoints.writeManifest(tmp, m);
            for (int i = 0; i < nets.length; i++) {
                Block net = nets[i];
                Checkpoints.writeBinary(tmp.resolve(NETWORK_FILES[i]), out -> ParameterIO.write(net, out));
            }
            Checkpoints.writeBinary(tmp.resolve(OPTIMIZER_FILE), out -> {
                a.actorOpt.write(out);
                // one section per critic, as when each critic had its own optimiser
                a.criticOpt.write(out);
            });
            if (a.config.checkpointReplay()) {
                Checkpoints.writeBinary(tmp.resolve(REPLAY_FILE), a.replay::write);
            }
        });
    }

    static SacAgent load(Path dir, Manifest m, SacConfig config, Space observationSpace, Space actionSpace, Device device)
            throws IOException {
        Params seeds = Params.of("sac checkpoint", m.seeds());
        SacAgent agent = new SacAgent(config, observationSpace, actionSpace, seeds.getLong("seed", 0), device);
        try {
            Block[] nets = agent.networks();
            for (int i = 0; i < nets.length; i++) {
                Block net = nets[i];
                Path f = dir.resolve(NETWORK_FILES[i]);
                Checkpoints.readBinary(f, in -> ParameterIO.read(net, in, f.toString()));
            }
            Path opt = dir.resolve(OPTIMIZER_FILE);
            Checkpoints.readBinary(opt, in -> {
                agent.actorOpt.read(in, opt + " (actor)");
                agent.criticOpt.read(in, opt + " (critics)");
            });
            Path rep = dir.resolve(REPLAY_FILE);
            if (Files.exists(rep)) {
                Checkpoints.readBinary(rep, in -> agent.replay = ReplayBuffer.read(in, rep.toString()));
                if (agent.replay.capacity() != config.bufferCapacity() || agent.replay.obsDim() != agent.obsDim
                        || agent.replay.actDim() != agent.actDim) {
                    throw new IllegalArgumentException(rep + " does not match the configuration (capacity " + agent.replay.capacity()
                            + ", observation size " + agent.replay.obsDim() + ", action size " + agent.replay.actDim() + ")");
                }
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> obs = (Map<String, Object>) m.normalization().get("observation");
            if (obs != null) {
                agent.obsNorm = ObservationNormalizer.fromMap(obs);
            }
            Params state = Params.of("sac checkpoint", m.state());
            agent.updates = state.getLong("updates", 0);
            agent.logAlpha = state.getDouble("logAlpha", agent.logAlpha);
            double[] alphaAdam = state.getDoubleList("alphaAdam");
            if (alphaAdam != null) {
                agent.alphaOpt.restore(alphaAdam);
            }
            agent.actRng.setState(state.getLong("actRng", agent.actRng.state()));
            agent.sampleRng.setState(state.getLong("replayRng", agent.sampleRng.state()));
            agent.noiseRng.setState(state.getLong("noiseRng", agent.noiseRng.state()));
            return agent;
        } catch (IOException | RuntimeException e) {
            agent.close();
            throw e;
        }
    }
}
