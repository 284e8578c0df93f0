package org.hubprice.agents.sac;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hubprice.agents.nn.NetworkConfig;
import org.hubprice.agents.util.Rng;
import org.hubprice.env.api.Box;
import org.hubprice.env.api.Transition;

/**
 * Measures one SAC gradient step against its lower bound: the bare matrix products that the
 * same step has to compute, run back to back through the same engine on arrays of the same
 * shapes. Their ratio says how much the update spends outside the products (element-wise
 * work, the optimiser, the engine's per-call cost); the target is at most 3.
 *
 * <p>One SAC step with feed-forward networks of {@code L} dense layers computes these
 * products (each "pass" is one product per layer):
 * <ul>
 *   <li>critic target: actor forward on s', two target critics forward;</li>
 *   <li>critic step: two critics forward, and backward: weight gradients for every layer,
 *       input gradients for every layer but the first;</li>
 *   <li>actor step: actor forward, two critics forward, input gradients through both
 *       critics for every layer (the action is an input; the critics' weights are frozen),
 *       actor weight gradients for every layer and input gradients for all but the first.</li>
 * </ul>
 * The two are timed in alternating rounds and the medians are compared, so that load from
 * other processes affects both alike.
 */
public final class SacUpdateBenchmark {
    /**
     * What one run measured.
     *
     * @param sacUpdateMicros median time of one SAC gradient step, microseconds
     * @param sacGemmBoundMicros median time of the step's bare matrix products, microseconds
     * @param sacRatio {@code sacUpdateMicros / sacGemmBoundMicros}
     * @param gemmsPerUpdate matrix products in one step
     * @param hidden hidden layer sizes
     * @param batchSize rows per batch
     * @param observationDim observation size
     * @param actionDim action size
     * @param rounds timing rounds (each times both variants)
     * @param updatesPerRound steps (and bound iterations) per round
     */
    public record Result(double sacUpdateMicros, double sacGemmBoundMicros, double sacRatio, int gemmsPerUpdate, List<Integer> hidden,
                         int batchSize, int observationDim, int actionDim, int rounds, int updatesPerRound) {
        /** The figures as a JSON-ready map with the keys the {@code bench agents} command prints. */
        public Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("sacUpdateMicros", sacUpdateMicros);
            m.put("sacGemmBoundMicros", sacGemmBoundMicros);
            m.put("sacRatio", sacRatio);
            m.put("sacGemmsPerUpdate", gemmsPerUpdate);
            m.put("sacHidden", hidden);
            m.put("sacBatchSize", batchSize);
            m.put("sacObservationDim", observationDim);
            m.put("sacActionDim", actionDim);
            m.put("sacRounds", rounds);
            m.put("sacUpdatesPerRound", updatesPerRound);
            return m;
        }
    }

    private final List<Integer> hidden;
    private final int batchSize;
    private final int obsDim;
    private final int actDim;
    private final Device device;

    /**
     * @param hidden hidden layer sizes of the actor and each critic (paper: 256, 256)
     * @param batchSize rows per batch (paper: 256)
     * @param obsDim observation size (hub game: 7)
     * @param actDim action size (hub game: 1)
     * @param device where both variants run
     */
    public SacUpdateBenchmark(List<Integer> hidden, int batchSize, int obsDim, int actDim, Device device) {
        if (hidden == null || hidden.isEmpty() || batchSize < 1 || obsDim < 1 || actDim < 1) {
            throw new IllegalArgumentException("sac benchmark: hidden = " + hidden + ", batchSize = " + batchSize + ", obsDim = " + obsDim
                    + ", actDim = " + actDim + "; need at least one hidden layer and positive sizes");
        }
        this.hidden = List.copyOf(hidden);
        this.batchSize = batchSize;
        this.obsDim = obsDim;
        this.actDim = actDim;
        this.device = device == null ? Device.cpu() : device;
    }

    /** The paper's setting on the hub game's spaces: FF 2 x 256, batch 256, 7 observations, 1 action. */
    public static SacUpdateBenchmark paper(Device device) {
        return new SacUpdateBenchmark(List.of(256, 256), 256, 7, 1, device);
    }

    /**
     * Runs {@code warmup} untimed steps of each variant, then {@code rounds} rounds of
     * {@code updatesPerRound} timed steps of each.
     */
    public Result run(int warmup, int rounds, int updatesPerRound) {
        if (warmup < 0 || rounds < 1 || updatesPerRound < 1) {
            throw new IllegalArgumentException("sac benchmark: warmup = " + warmup + ", rounds = " + rounds + ", updatesPerRound = "
                    + updatesPerRound + "; need warmup >= 0 and at least one round of one step");
        }
        SacConfig config = SacConfig.builder().optNetwork(NetworkConfig.ff().withHidden(hidden)).opt("batchSize", batchSize)
                .opt("learningStarts", batchSize).build();
        Box obsSpace = Box.uniform(-1, 1, obsDim);
        Box actSpace = Box.uniform(1, 2, actDim);
        double[] sac = new double[rounds];
        double[] bound = new double[rounds];
        int gemms;
        try (SacAgent agent = new SacAgent(config, obsSpace, actSpace, 42, device); NDManager manager = NDManager.newBaseManager(device)) {
            fill(agent, obsSpace, actSpace, Math.max(4 * batchSize, 1024));
            GemmPlan plan = new GemmPlan(manager);
            gemms = plan.size();
            agent.learn(warmup);
            for (int i = 0; i < warmup; i++) {
                plan.runOnce();
            }
            for (int r = 0; r < rounds; r++) {
                long t0 = System.nanoTime();
                agent.learn(updatesPerRound);
                long t1 = System.nanoTime();
                for (int i = 0; i < updatesPerRound; i++) {
                    plan.runOnce();
                }
                long t2 = System.nanoTime();
                sac[r] = (t1 - t0) / 1e3 / updatesPerRound;
                bound[r] = (t2 - t1) / 1e3 / updatesPerRound;
            }
        }
        double s = median(sac);
        double b = median(bound);
        return new Result(s, b, s / b, gemms, hidden, batchSize, obsDim, actDim, rounds, updatesPerRound);
    }

    private static void fill(SacAgent agent, Box obsSpace, Box actSpace, int n) {
        Rng rng = new Rng(7);
        java.util.SplittableRandom sr = new java.util.SplittableRandom(7);
        for (int i = 0; i < n; i++) {
            double[] o = obsSpace.sample(sr);
            double[] next = obsSpace.sample(sr);
            double[] a = actSpace.sample(sr);
            agent.observe(new Transition(o, a, rng.nextGaussian(), next, false, false));
        }
    }

    private static double median(double[] v) {
        double[] c = v.clone();
        Arrays.sort(c);
        int n = c.length;
        return n % 2 == 1 ? c[n / 2] : 0.5 * (c[n / 2 - 1] + c[n / 2]);
    }

    /** The matrix products of one SAC step, as pairs of preallocated operands. */
    private final class GemmPlan {
        private final List<NDArray[]> products = new ArrayList<>();

        GemmPlan(NDManager manager) {
            int[] actor = sizes(obsDim, 2 * actDim);
            int[] critic = sizes(obsDim + actDim, 1);
            // critic target
            forward(manager, actor);
            forward(manager, critic);
            forward(manager, critic);
            // critic step
            for (int c = 0; c < 2; c++) {
                forward(manager, critic);
                weightGradients(manager, critic);
                inputGradients(manager, critic, false);
            }
            // actor step
            forward(manager, actor);
            for (int c = 0; c < 2; c++) {
                forward(manager, critic);
                inputGradients(manager, critic, true);
            }
            weightGradients(manager, actor);
            inputGradients(manager, actor, false);
        }

        private int[] sizes(int in, int out) {
            int[] s = new int[hidden.size() + 2];
            s[0] = in;
            for (int i = 0; i < hidden.size(); i++) {
                s[i + 1] = hidden.get(i);
            }
            s[s.length - 1] = out;
            return s;
        }

        private void add(NDManager m, long rows, long inner, long cols) {
            products.add(new NDArray[] {m.randomUniform(-1, 1, new Shape(rows, inner)), m.randomUniform(-1, 1, new Shape(inner, cols))});
        }

        /** (B, in) x (in, out) per layer. */
        private void forward(NDManager m, int[] s) {
            for (int l = 0; l + 1 < s.length; l++) {
                add(m, batchSize, s[l], s[l + 1]);
            }
        }

        /** (in, B) x (B, out) per layer. */
        private void weightGradients(NDManager m, int[] s) {
            for (int l = 0; l + 1 < s.length; l++) {
                add(m, s[l], batchSize, s[l + 1]);
            }
        }

        /** (B, out) x (out, in) per layer, the first layer only when the input needs a gradient. */
        private void inputGradients(NDManager m, int[] s, boolean firstLayerToo) {
            for (int l = s.length - 2; l >= (firstLayerToo ? 0 : 1); l--) {
                add(m, batchSize, s[l + 1], s[l]);
            }
        }

        int size() {
            return products.size();
        }

        void runOnce() {
            int last = products.size() - 1;
            for (int i = 0; i <= last; i++) {
                NDArray[] p = products.get(i);
                try (NDArray r = p[0].matMul(p[1])) {
                    if (i == last) {
                        // wait for the device, as the update does when it reads its losses
                        try (NDArray s = r.sum()) {
                            s.getFloat();
                        }
                    }
                }
            }
        }
    }
}
