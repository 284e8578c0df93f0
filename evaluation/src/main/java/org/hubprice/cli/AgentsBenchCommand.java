package org.hubprice.cli;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.hubprice.agents.Mode;
import org.hubprice.agents.checkpoint.Json;
import org.hubprice.agents.device.Devices;
import org.hubprice.agents.dqn.DqnAgent;
import org.hubprice.agents.dqn.DqnConfig;
import org.hubprice.agents.nn.NetworkConfig;
import org.hubprice.agents.util.Params;
import org.hubprice.agents.util.Rng;
import org.hubprice.common.Provenance;
import org.hubprice.env.api.Box;
import org.hubprice.env.api.Transition;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code hubprice bench agents}: how close the learners' updates come to the engine's own
 * matrix-multiplication cost, and how fast a policy acts.
 *
 * <p>Each section measures, in one run, an agent's full update and a lower bound for it: the
 * same network's bare GEMMs (forward, backward) through the engine with no replay, no
 * optimiser and no Java around them. The ratio says how much the rest costs. Sections are
 * independent; a learner adds its own by implementing {@link Section} and adding one entry to
 * {@link #SECTIONS}.
 */
@Command(name = "agents", mixinStandardHelpOptions = true,
        description = "DQN (and other learners') update time against the engine's GEMM lower bound, and action latency.")
final class AgentsBenchCommand implements Callable<Integer> {
    /** Observation size of the hub game (docs/model.md section 5). */
    static final int OBS_DIM = 7;
    /** Batch size of the paper's learners. */
    static final int BATCH = 256;

    @Option(names = "--json", description = "Print one JSON object instead of a table.")
    boolean json;

    @Option(names = "--iterations", defaultValue = "200", description = "Timed repetitions of each measurement (default ${DEFAULT-VALUE}).")
    int iterations;

    @Option(names = "--warmup", defaultValue = "30", description = "Untimed repetitions first (default ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--device", defaultValue = "cpu", description = "auto, cpu or gpu (default ${DEFAULT-VALUE}).")
    String device;

    @Option(names = "--threads", description = "PyTorch intra-op threads (default: the engine's, one per core). On a"
            + " machine shared with other jobs, 1 avoids spinning threads that slow everything down.")
    Integer threads;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** One learner's measurements, written into the shared result map. */
    interface Section {
        /** Runs the measurements and puts its keys ({@code dqnUpdateMicros}, ...) into {@code out}. */
        void run(Settings settings, Map<String, Object> out);
    }

    /** What every section is given. */
    record Settings(Device device, int iterations, int warmup) {}

    /** The sections, in output order. */
    static final List<Section> SECTIONS = List.of(new DqnSection(), new SacBenchSection());

    @Override
    public Integer call() {
        if (iterations < 1 || warmup < 0) {
            throw new IllegalArgumentException("--iterations = " + iterations + " must be >= 1 and --warmup = " + warmup + " >= 0");
        }
        if (threads != null) {
            if (threads < 1) {
                throw new IllegalArgumentException("--threads = " + threads + " must be >= 1");
            }
            // read by the PyTorch engine when it starts, which is below (Devices.resolve)
            System.setProperty("ai.djl.pytorch.num_threads", threads.toString());
            System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        }
        Settings settings = new Settings(Devices.resolve(device), iterations, warmup);
        Map<String, Object> out = new LinkedHashMap<>();
        for (Section s : SECTIONS) {
            s.run(settings, out);
        }
        out.put("device", settings.device().toString());
        out.put("engine", Engine.getInstance().getEngineName() + " " + Engine.getInstance().getVersion());
        out.put("torchThreads", System.getProperty("ai.djl.pytorch.num_threads", "engine default"));
        out.put("iterations", iterations);
        out.put("provenance", Provenance.collect());
        PrintWriter w = spec.commandLine().getOut();
        if (json) {
            try {
                w.println(Json.MAPPER.writer().without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT).writeValueAsString(out));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException("could not write the result as JSON", e);
            }
        } else {
            w.printf("agents benchmark on %s (%s), %d iterations%n", out.get("device"), out.get("engine"), iterations);
            for (Map.Entry<String, Object> e : out.entrySet()) {
                if (e.getValue() instanceof Number n && !e.getKey().equals("iterations")) {
                    w.printf("  %-22s %12.2f%n", e.getKey(), n.doubleValue());
                }
            }
        }
        w.flush();
        return 0;
    }

    /** Mean microseconds per call of {@code body} after {@code warmup} untimed calls; {@code sync} waits for the device. */
    static double micros(Settings s, Runnable body, Runnable sync) {
        for (int i = 0; i < s.warmup(); i++) {
            body.run();
        }
        sync.run();
        long t0 = System.nanoTime();
        for (int i = 0; i < s.iterations(); i++) {
            body.run();
        }
        sync.run();
        return (System.nanoTime() - t0) / 1e3 / s.iterations();
    }

    /**
     * The GEMMs of one training step of a dense network with layer sizes {@code sizes} (input
     * first) at batch {@code batch}: the forward products, and in the backward pass one
     * product per layer for the weight gradient and one per layer but the first for the
     * input gradient; plus {@code extraForwards} forward passes without backward (a target
     * network). Element-wise work (bias, activation) is left out: this is a lower bound.
     */
    static double gemmBoundMicros(Settings s, int[] sizes, int batch, int extraForwards) {
        try (NDManager m = NDManager.newBaseManager(s.device())) {
            Rng rng = new Rng(1);
            int layers = sizes.length - 1;
            NDArray[] w = new NDArray[layers];
            NDArray[] acts = new NDArray[layers + 1];
            NDArray[] grads = new NDArray[layers + 1];
            for (int l = 0; l <= layers; l++) {
                acts[l] = random(m, rng, batch, sizes[l]);
                grads[l] = random(m, rng, batch, sizes[l]);
            }
            for (int l = 0; l < layers; l++) {
                w[l] = random(m, rng, sizes[l + 1], sizes[l]);
            }
            NDArray[] wt = new NDArray[layers];
            for (int l = 0; l < layers; l++) {
                wt[l] = w[l].transpose().duplicate();
            }
            Runnable step = () -> {
                List<NDArray> tmp = new ArrayList<>();
                for (int f = 0; f <= extraForwards; f++) {
                    for (int l = 0; l < layers; l++) {
                        tmp.add(acts[l].matMul(wt[l]));
                    }
                }
                for (int l = layers - 1; l >= 0; l--) {
                    tmp.add(grads[l + 1].transpose().matMul(acts[l]));
                    if (l > 0) {
                        tmp.add(grads[l + 1].matMul(w[l]));
                    }
                }
                tmp.forEach(NDArray::close);
            };
            Runnable sync = () -> w[0].sum().getFloat();
            return micros(s, step, sync);
        }
    }

    private static NDArray random(NDManager m, Rng rng, int rows, int cols) {
        float[] v = new float[rows * cols];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (rng.nextDouble() - 0.5);
        }
        return m.create(v, new Shape(rows, cols));
    }

    /** DQN with the paper's network (FF 2 x 256, 101 actions) at batch 256 on hub-game shapes. */
    static final class DqnSection implements Section {
        @Override
        public void run(Settings s, Map<String, Object> out) {
            DqnConfig cfg = DqnConfig.fromParams(Params.of("dqn", Map.of("learningStarts", 0, "bufferCapacity", 20_000)));
            Box obsSpace = Box.uniform(0, 1, OBS_DIM);
            try (DqnAgent agent = new DqnAgent(cfg, obsSpace, Box.uniform(1, 2, 1), 1, s.device())) {
                Rng rng = new Rng(2);
                double[] o = new double[OBS_DIM];
                double[] n = new double[OBS_DIM];
                double[] a = new double[1];
                for (int i = 0; i < 10_000; i++) {
                    for (int j = 0; j < OBS_DIM; j++) {
                        o[j] = rng.nextDouble();
                        n[j] = rng.nextDouble();
                    }
                    a[0] = 1 + rng.nextInt(101) / 100.0;
                    agent.observe(new Transition(o, a, rng.nextDouble(), n, rng.nextDouble() < 0.04, false));
                }
                Runnable sync = () -> agent.qValues(o);
                double update = micros(s, () -> agent.learn(1), sync);
                List<Integer> hidden = NetworkConfig.DEFAULT_HIDDEN;
                int[] sizes = {OBS_DIM, hidden.get(0), hidden.get(1), agent.actionCount()};
                // the update also runs the target network forward on the next observations
                double bound = gemmBoundMicros(s, sizes, BATCH, 1);
                double floor;
                try (NDManager m = NDManager.newBaseManager(s.device()); HandWrittenDqnStep hand = new HandWrittenDqnStep(m, sizes, BATCH)) {
                    floor = micros(s, hand::step, hand::sync);
                }
                double act = micros(s, () -> agent.act(o, Mode.EVAL), () -> { });
                float[] rows = new float[64 * OBS_DIM];
                for (int i = 0; i < rows.length; i++) {
                    rows[i] = (float) rng.nextDouble();
                }
                double act64 = micros(s, () -> agent.greedyBatch(rows, 64), () -> { });
                out.put("dqnUpdateMicros", update);
                out.put("dqnGemmBoundMicros", bound);
                out.put("dqnRatio", update / bound);
                out.put("dqnHandWrittenMicros", floor);
                out.put("dqnHandWrittenRatio", floor / bound);
                out.put("actMicros", act);
                out.put("actBatch64Micros", act64);
            }
        }
    }
}
