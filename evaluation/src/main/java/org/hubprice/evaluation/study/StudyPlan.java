package org.hubprice.evaluation.study;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import org.hubprice.common.Check;

/**
 * A study: its cells, the seeds of each, the training budget and the evaluation settings, and
 * the task list they make (task {@code i} = one cell and seed; the order is cells in plan order,
 * then seeds, so an index names the same task wherever it runs).
 *
 * @param name the study's name ({@code paper})
 * @param cells the cells trained
 * @param seeds seeds per cell, in cell order
 * @param episodes training episodes per run
 * @param replications demand draws per held-out day in the evaluation
 * @param market {@code synthetic} (the calibrated year) or {@code pjm} (PJM Data Miner files)
 * @param pjmFiles with {@code pjm}: the day-ahead and the real-time file; else empty
 */
public record StudyPlan(String name, List<Cell> cells, List<List<Long>> seeds, long episodes, int replications, String market,
                        List<String> pjmFiles) {
    /** Default seeds: 3 for SAC-FF × SAC-FF, 2 for every other cell. */
    public static final int SEEDS_SAC_FF = 3;
    public static final int SEEDS_OTHER = 2;
    /** Default training budget per run. */
    public static final long DEFAULT_EPISODES = 100_000;

    public StudyPlan {
        if (cells.isEmpty()) {
            throw new IllegalArgumentException("a study needs at least one cell; cells: " + Cell.ids());
        }
        if (seeds.size() != cells.size()) {
            throw new IllegalArgumentException("seeds for " + seeds.size() + " cells, but " + cells.size() + " cells");
        }
        Check.inRange("--episodes", episodes, 20, 100_000_000, "the paper uses 2000000, the study's default is " + DEFAULT_EPISODES);
        Check.inRange("--replications", replications, 1, 10_000, "Maybe 20");
        if (!market.equals("synthetic") && !market.equals("pjm")) {
            throw new IllegalArgumentException("--market = '" + market + "' is not known; allowed: synthetic (the calibrated year), pjm");
        }
        if (market.equals("pjm") != (pjmFiles.size() == 2)) {
            throw new IllegalArgumentException(market.equals("pjm") ? "--market pjm needs --pjm DA.csv,RT.csv (the pnode 48592 exports)"
                    : "--pjm files are given but --market is " + market + ". Maybe --market pjm");
        }
        pjmFiles = List.copyOf(pjmFiles);
        cells = List.copyOf(cells);
        seeds = seeds.stream().map(List::copyOf).toList();
    }

    /**
     * The paper study over {@code cellIds} (null: all eight) with {@code seedsPerCell} seeds
     * each (null: {@link #SEEDS_SAC_FF} for SAC-FF × SAC-FF, {@link #SEEDS_OTHER} otherwise).
     */
    public static StudyPlan paper(List<String> cellIds, Integer seedsPerCell, long episodes, int replications, String market, List<String> pjmFiles) {
        List<Cell> cells = new ArrayList<>();
        for (String id : cellIds == null ? Cell.ids() : cellIds) {
            Cell c = Cell.paper(id.trim());
            if (cells.contains(c)) {
                throw new IllegalArgumentException("--cells names '" + id + "' twice");
            }
            cells.add(c);
        }
        if (seedsPerCell != null) {
            Check.inRange("--seeds", seedsPerCell, 1, 100, "Maybe leave it out (" + SEEDS_SAC_FF + " seeds for sac-ff_sac-ff, " + SEEDS_OTHER
                    + " for the others)");
        }
        List<List<Long>> seeds = new ArrayList<>();
        for (Cell c : cells) {
            int n = seedsPerCell != null ? seedsPerCell : c.id().equals("sac-ff_sac-ff") ? SEEDS_SAC_FF : SEEDS_OTHER;
            List<Long> s = new ArrayList<>();
            for (long k = 1; k <= n; k++) {
                s.add(k);
            }
            seeds.add(s);
        }
        return new StudyPlan("paper", cells, seeds, episodes, replications, market, pjmFiles);
    }

    /** One task: train and evaluate one seed of one cell. */
    public record Task(int index, Cell cell, long seed) {
        /** The run directory name inside the store ({@code runs/CELL/seed-N}) and the summary's ({@code CELL/seed-N.json}). */
        public String key() {
            return cell.id() + "/seed-" + seed;
        }
    }

    /** Every task, in index order. */
    public List<Task> tasks() {
        List<Task> out = new ArrayList<>();
        for (int c = 0; c < cells.size(); c++) {
            for (long s : seeds.get(c)) {
                out.add(new Task(out.size(), cells.get(c), s));
            }
        }
        return out;
    }

    /**
     * The order in which a worker runs {@code pending}: tasks already under way first (most
     * episodes at their last checkpoint first, so the work nearest a summary lands first), then
     * round by round over the cells (every cell's first seed, then every cell's second, ...),
     * then by index. A study that stops part way thus leaves one run in as many cells as
     * possible, which is what the across-cell findings need, instead of every seed of the first
     * cells and nothing of the last. Indices are unchanged: the order says when, not what.
     *
     * @param episodesDone episodes at a task's last checkpoint (0 when it has not started)
     */
    public List<Task> runOrder(List<Task> pending, ToLongFunction<Task> episodesDone) {
        Map<Integer, Long> done = new LinkedHashMap<>();
        for (Task t : pending) {
            done.put(t.index(), Math.max(0, episodesDone.applyAsLong(t)));
        }
        return pending.stream().sorted(Comparator.<Task>comparingInt(t -> done.get(t.index()) > 0 ? 0 : 1)
                .thenComparing(t -> -done.get(t.index())).thenComparingInt(this::seedRound).thenComparingInt(Task::index)).toList();
    }

    /** The position of a task's seed among its cell's seeds (0 for the first). */
    private int seedRound(Task t) {
        return seeds.get(cells.indexOf(t.cell())).indexOf(t.seed());
    }

    /** Task {@code index}, or an error naming the allowed range. */
    public Task task(int index) {
        List<Task> all = tasks();
        if (index < 0 || index >= all.size()) {
            throw new IllegalArgumentException("--index = " + index + " is outside the study's tasks [0, " + (all.size() - 1) + "]");
        }
        return all.get(index);
    }

    /**
     * The {@code --set} overrides a task trains with: the budget, validation and checkpoints
     * every 5 % of it (20 learning-curve samples; an interruption loses at most 5 %), and the
     * market.
     */
    public List<String> trainingOverrides() {
        long every = Math.max(1, episodes / 20);
        List<String> o = new ArrayList<>(List.of("stopping.maxEpisodes=" + episodes, "validation.every=" + every, "checkpoint.every=" + every,
                "progress.logEvery=" + every, "progress.plotEvery=" + every));
        if (market.equals("pjm")) {
            o.addAll(List.of("env.market.source=pjm", "env.market.pjm.dayAheadFile=" + pjmFiles.get(0), "env.market.pjm.realTimeFile="
                    + pjmFiles.get(1)));
        }
        return o;
    }

    /** The plan as JSON (recorded with every summary). */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("study", name);
        m.put("cells", cells.stream().map(Cell::id).toList());
        m.put("seeds", seeds);
        m.put("episodes", episodes);
        m.put("replications", replications);
        m.put("market", market);
        m.put("pjmFiles", pjmFiles);
        return m;
    }
}
