package org.hubprice.env.game;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import org.hubprice.common.Seeds;
import org.hubprice.env.api.Box;
import org.hubprice.env.api.ParallelEnv;
import org.hubprice.env.api.ResetResult;
import org.hubprice.env.api.Space;
import org.hubprice.env.api.StepResult;
import org.hubprice.env.config.EnvConfig;
import org.hubprice.env.config.HubsConfig;
import org.hubprice.env.data.MarketDay;
import org.hubprice.env.demand.ArrivalModel;
import org.hubprice.env.demand.ChoiceOutcome;
import org.hubprice.env.demand.DemandConfig;
import org.hubprice.env.demand.EvEnergyModel;
import org.hubprice.env.demand.HubChoiceModel;
import org.hubprice.env.hub.Hub;
import org.hubprice.env.hub.HubPeriod;
import org.hubprice.models.power.BatteryLimits;
import org.hubprice.models.power.PowerDispatcher;

/**
 * The hub pricing game of docs/model.md as a parallel multi-agent environment. Agents
 * {@code hub_0 .. hub_{H-1}} each post a price multiplier {@code a ∈ [1, 2]} every hour; the
 * price is {@code a · m[t]} with {@code m[t] = max(min(p_da, p_rt), floor)}; the charge-seeking
 * EVs of the hour choose hubs or balk; each hub serves its EVs from its DA commitment, its
 * battery and the RT market at least cost, and its reward is the period's profit in $. An
 * episode is one day of 24 periods: every agent terminates after the 24th step (no truncation).
 *
 * <p><b>Hubs.</b> Hub i has {@code hubs.stationsPerHub[i]} stations (all {@code hubs.stations}
 * when that list is null) and its own DA commitment ({@link #commitment(int)}); identical hubs
 * share one commitment, heterogeneous hubs get one per distinct expected load
 * ({@link DaCommitments#resolvePerHub}).
 *
 * <p><b>Observations.</b> The raw observation of hub i at period t is
 * {@code [t, n[t], da_com[i,t], p_da[t], p_rt[t], φ[i], p_φ[i]]} ({@link #rawObservation});
 * agents see it scaled by the {@link ObservationScaling} ({@link #normalizer()}), and the
 * observation space is the normaliser's box. After the last period the observation has
 * {@code t = 24}, {@code n = 0}, {@code da_com = 0}, the prices of hour 23 and the battery
 * after the day.
 *
 * <p><b>Randomness and common random numbers.</b> Everything random in an episode follows from
 * the reset seed through named streams ({@link Seeds}): the day (training resets), each hub's
 * battery start (training resets), and, keyed by the day's date, the day's 24 arrival counts,
 * the choice stream and each hub's EV energy stream. The counts are drawn at reset, so the same
 * day and seed give the same arrivals whatever the prices; hub i's k-th EV of the day always
 * needs the k-th energy of hub i's stream. Same seed and actions give bit-identical results.
 *
 * <p><b>Fast path.</b> {@link #resetFast} and {@link #stepFast} write into arrays the
 * environment owns ({@link #observation}, {@link #reward}, {@link #period}) and allocate
 * nothing per step; the map-based {@link #reset} and {@link #step} are built on them.
 *
 * <p><b>Infos.</b> Each hub's info per step holds the keys of {@link HubPeriod#toMap()}
 * (price, multiplier, referencePrice, daPrice, rtPrice, assigned, balked, load, commitment,
 * daToEv, daToBattery, sellBack, batteryToEv, rtToEv, batteryEnergy, batteryCostBasis, revenue,
 * energyCost, sellBackLoss, unitCost, profit) plus the market-level {@code arrivals} and
 * {@code lost} (the same numbers in every hub's info: EVs are lost to the market, not to a hub),
 * {@code day}, {@code dayIndex} and {@code rawObservation}.
 *
 * <p>Not thread-safe; one environment per thread.
 */
public final class HubPricingEnv implements ParallelEnv {
    /** Periods per episode (hours of a day). */
    public static final int PERIODS = 24;
    /** Length of an observation. */
    public static final int OBS_DIM = 7;
    /** Multipliers this far outside the action range count as rounding and are clamped; further out is an error. */
    public static final double ACTION_TOLERANCE = 1e-9;

    private final EnvConfig config;
    private final MarketCalendar calendar;
    /** Each hub's DA commitment, {@code [hub][hour]} kWh. */
    private final double[][] commitments;
    private final Hub[] hubs;
    private final int[] freeStations;
    private final List<String> possibleAgents;
    private final Map<String, Integer> agentIndex;
    private final Box observationSpace;
    private final Box actionSpace;
    private final ObservationScaling normalizer;
    private final ArrivalModel arrivalModel;
    private final EvEnergyModel energyModel;
    private final HubChoiceModel choiceModel;
    private final ChoiceOutcome outcome;
    private final double floor;
    private final double minMultiplier;
    private final double maxMultiplier;

    // Episode state and buffers, reused every step.
    private final int[] counts = new int[PERIODS];
    private final double[] prices;
    private final double[] multipliersUsed;
    private final double[] rewards;
    private final double[][] raw;
    private final double[][] obs;
    private final SplittableRandom[] energyRng;
    private SplittableRandom choiceRng;
    private int day = -1;
    private int t;
    private boolean done = true;
    private boolean evaluation;
    private int lastArrivals;
    private int lastLost;
    private List<String> activeAgents = List.of();

    private HubPricingEnv(EnvConfig config, List<MarketDay> days, double[][] commitments, PowerDispatcher dispatcher,
                          ObservationScaling givenNormalizer) {
        this.config = config;
        calendar = new MarketCalendar(days, config.split());
        HubsConfig hc = config.hubs();
        int h = hc.count();
        if (commitments.length != h) {
            throw new IllegalArgumentException("DA commitments are given for " + commitments.length + " hubs but hubs.count = " + h
                    + "; give one 24-hour commitment per hub. Maybe optCommitment(double[]) for the same one at every hub");
        }
        this.commitments = new double[h][];
        BatteryLimits limits = hc.battery().limits();
        hubs = new Hub[h];
        freeStations = new int[h];
        List<String> names = new ArrayList<>(h);
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int i = 0; i < h; i++) {
            // The hub validates and copies its commitment; keep that copy.
            hubs[i] = new Hub(i, hc.stationsOf(i), limits, commitments[i], dispatcher);
            this.commitments[i] = hubs[i].commitment();
            // One EV holds a station for one period only, so every period starts with all free.
            freeStations[i] = hc.stationsOf(i);
            names.add(agentName(i));
            index.put(agentName(i), i);
        }
        possibleAgents = List.copyOf(names);
        agentIndex = Collections.unmodifiableMap(index);

        DemandConfig demand = config.demand().toDemandConfig();
        arrivalModel = new ArrivalModel(demand);
        energyModel = new EvEnergyModel(demand);
        choiceModel = new HubChoiceModel(demand);
        outcome = new ChoiceOutcome(h);

        floor = config.pricing().floor();
        minMultiplier = config.pricing().minMultiplier();
        maxMultiplier = config.pricing().maxMultiplier();
        actionSpace = new Box(new double[] {minMultiplier}, new double[] {maxMultiplier});
        normalizer = givenNormalizer != null ? checkedNormalizer(givenNormalizer)
                : ObservationScaling.forHubGame(config, arrivalModel, this.commitments, calendar.trainingPrices());
        observationSpace = normalizer.space();

        prices = new double[h];
        multipliersUsed = new double[h];
        rewards = new double[h];
        raw = new double[h][OBS_DIM];
        obs = new double[h][OBS_DIM];
        energyRng = new SplittableRandom[h];
    }

    /** A builder; {@link Builder#setConfig} is required. */
    public static Builder builder() {
        return new Builder();
    }

    /** The environment of {@code config}: loads its market data and resolves its DA commitment (solving it once, cached). */
    public static HubPricingEnv create(EnvConfig config) {
        return builder().setConfig(config).build();
    }

    /** Agent name of hub {@code i}: {@code hub_i}. */
    public static String agentName(int i) {
        return "hub_" + i;
    }

    private static ObservationScaling checkedNormalizer(ObservationScaling n) {
        if (!n.features().equals(ObservationScaling.HUB_FEATURES)) {
            throw new IllegalArgumentException("observation normalizer features = " + n.features() + " do not fit the hub game; need "
                    + ObservationScaling.HUB_FEATURES + ". Maybe pass the normalizer of a hub environment (env.normalizer())");
        }
        return n;
    }

    // ---------------------------------------------------------------- ParallelEnv

    @Override
    public List<String> possibleAgents() {
        return possibleAgents;
    }

    /** Every hub during an episode; empty before the first reset and after the last period. */
    @Override
    public List<String> agents() {
        return activeAgents;
    }

    @Override
    public Space observationSpace(String agent) {
        indexOf(agent);
        return observationSpace;
    }

    @Override
    public Space actionSpace(String agent) {
        indexOf(agent);
        return actionSpace;
    }

    /**
     * Starts a day. Options (all optional): {@code mode} "train" (default) or "eval",
     * {@code day} (index, LocalDate or ISO string), {@code batteryEnergy} and
     * {@code batteryCostBasis} (one number or one per hub); see {@link ResetOptions}.
     */
    @Override
    public ResetResult reset(long seed, Map<String, Object> options) {
        resetFast(seed, ResetOptions.fromMap(options));
        Map<String, double[]> o = new LinkedHashMap<>();
        Map<String, Map<String, Object>> infos = new LinkedHashMap<>();
        for (int i = 0; i < hubs.length; i++) {
            String a = possibleAgents.get(i);
            o.put(a, obs[i].clone());
            Map<String, Object> info = new LinkedHashMap<>();
            info.put("day", calendar.days().get(day).date().toString());
            info.put("dayIndex", day);
            info.put("mode", evaluation ? "eval" : "train");
            info.put("batteryEnergy", hubs[i].batteryEnergy());
            info.put("batteryCostBasis", hubs[i].batteryCostBasis());
            info.put("rawObservation", raw[i].clone());
            infos.put(a, info);
        }
        return new ResetResult(o, infos);
    }

    /** One step with one {@code {multiplier}} per active agent; builds maps on top of {@link #stepFast}. */
    @Override
    public StepResult step(Map<String, double[]> actions) {
        if (done) {
            throw new IllegalStateException(day < 0 ? "step before reset: call reset(seed, options) first"
                    : "the day is over (24 periods played); call reset to start another");
        }
        Objects.requireNonNull(actions, "actions");
        double[] multipliers = new double[hubs.length];
        for (String a : actions.keySet()) {
            if (!agentIndex.containsKey(a)) {
                throw new IllegalArgumentException("action for unknown agent '" + a + "'; the agents are " + possibleAgents);
            }
        }
        for (int i = 0; i < hubs.length; i++) {
            double[] v = actions.get(possibleAgents.get(i));
            if (v == null || v.length != 1) {
                throw new IllegalArgumentException("agent " + possibleAgents.get(i) + " needs an action of one value (the price multiplier), got "
                        + (v == null ? "none" : Arrays.toString(v)));
            }
            multipliers[i] = v[0];
        }
        stepFast(multipliers);
        Map<String, double[]> o = new LinkedHashMap<>();
        Map<String, Double> r = new LinkedHashMap<>();
        Map<String, Boolean> term = new LinkedHashMap<>();
        Map<String, Boolean> trunc = new LinkedHashMap<>();
        Map<String, Map<String, Object>> infos = new LinkedHashMap<>();
        for (int i = 0; i < hubs.length; i++) {
            String a = possibleAgents.get(i);
            o.put(a, obs[i].clone());
            r.put(a, rewards[i]);
            term.put(a, done);
            trunc.put(a, false);
            infos.put(a, info(i));
        }
        return new StepResult(o, r, term, trunc, infos);
    }

    /** The info of hub {@code i} for the last step (allocates a map). */
    public Map<String, Object> info(int i) {
        Map<String, Object> info = hubs[i].lastPeriod().toMap();
        info.put("arrivals", lastArrivals);
        info.put("lost", lastLost);
        info.put("day", calendar.days().get(day).date().toString());
        info.put("dayIndex", day);
        info.put("rawObservation", raw[i].clone());
        return info;
    }

    // ---------------------------------------------------------------- fast path

    /**
     * Starts a day without building maps: the observations are then in {@link #observation}.
     * Allocates a few random streams (per reset, not per step).
     */
    public void resetFast(long seed, ResetOptions options) {
        Objects.requireNonNull(options, "options");
        evaluation = options.evaluation();
        day = calendar.choose(seed, options);
        long key = calendar.epochDay(day);
        arrivalModel.sampleDay(Seeds.stream(seed, "arrivals", key), counts);
        choiceRng = Seeds.stream(seed, "choice", key);
        long energyRoot = Seeds.derive(seed, "energy", key);
        double[] e = expand("batteryEnergy", options.batteryEnergy());
        double[] b = expand("batteryCostBasis", options.batteryCostBasis());
        HubsConfig hc = config.hubs();
        for (int i = 0; i < hubs.length; i++) {
            energyRng[i] = Seeds.stream(energyRoot, "hub", i);
            double energy;
            double basis;
            if (evaluation) {
                energy = hc.evaluationStart().energyKwh();
                basis = hc.evaluationStart().costBasis();
            } else {
                // Each hub its own stream: adding a hub never changes the others' starts.
                SplittableRandom r = Seeds.stream(seed, "battery-start", i);
                energy = uniform(r, hc.trainingStart().energyKwh().low(), hc.trainingStart().energyKwh().high());
                basis = uniform(r, hc.trainingStart().costBasis().low(), hc.trainingStart().costBasis().high());
            }
            if (e != null) {
                energy = e.length == 1 ? e[0] : e[i];
            }
            if (b != null) {
                basis = b.length == 1 ? b[0] : b[i];
            }
            hubs[i].resetBattery(energy, basis);
            rewards[i] = 0;
        }
        t = 0;
        done = false;
        lastArrivals = 0;
        lastLost = 0;
        activeAgents = possibleAgents;
        writeObservations();
    }

    private static double uniform(SplittableRandom r, double low, double high) {
        double u = r.nextDouble();
        return low == high ? low : low + (high - low) * u;
    }

    private double[] expand(String key, double[] values) {
        if (values == null) {
            return null;
        }
        if (values.length != 1 && values.length != hubs.length) {
            throw new IllegalArgumentException("reset option " + key + " has " + values.length + " values; give 1 (every hub) or "
                    + hubs.length + " (one per hub)");
        }
        return values;
    }

    /**
     * Plays one period with hub i pricing at {@code multipliers[i]}. Results are in
     * {@link #reward}, {@link #observation}, {@link #rawObservation} and {@link #period}.
     * Allocates nothing.
     *
     * @return true when this was the last period of the day
     * @throws IllegalArgumentException for a multiplier outside the action range (beyond rounding)
     * @throws IllegalStateException before a reset or after the day is over
     */
    public boolean stepFast(double[] multipliers) {
        if (done) {
            throw new IllegalStateException(day < 0 ? "step before reset: call reset(seed, options) first"
                    : "the day is over (24 periods played); call reset to start another");
        }
        if (multipliers == null || multipliers.length != hubs.length) {
            throw new IllegalArgumentException("multipliers has " + (multipliers == null ? "no" : multipliers.length) + " values; give one per hub ("
                    + hubs.length + ")");
        }
        final int d = day;
        final int period = t;
        double pDa = calendar.dayAheadPrices(d)[period];
        double pRt = calendar.realTimePrices(d)[period];
        double ref = referencePrice(pDa, pRt);
        for (int i = 0; i < hubs.length; i++) {
            double a = checkedMultiplier(i, multipliers[i]);
            multipliersUsed[i] = a;
            prices[i] = a * ref;
        }
        int n = counts[period];
        choiceModel.assign(n, prices, freeStations, choiceRng, outcome);
        for (int i = 0; i < hubs.length; i++) {
            int k = outcome.assigned[i];
            double load = energyModel.sampleTotalEnergyKwh(k, energyRng[i]);
            rewards[i] = hubs[i].runPeriod(period, multipliersUsed[i], ref, prices[i], pDa, pRt, k, outcome.balked[i], load);
        }
        lastArrivals = n;
        lastLost = outcome.lost;
        t = period + 1;
        done = t == PERIODS;
        if (done) {
            activeAgents = List.of();
        }
        writeObservations();
        return done;
    }

    private double checkedMultiplier(int i, double a) {
        if (a >= minMultiplier && a <= maxMultiplier) {
            return a;
        }
        if (a >= minMultiplier - ACTION_TOLERANCE && a <= maxMultiplier + ACTION_TOLERANCE) {
            return a < minMultiplier ? minMultiplier : maxMultiplier;
        }
        throw new IllegalArgumentException("action of " + possibleAgents.get(i) + " = " + a + " is outside the action space ["
                + minMultiplier + ", " + maxMultiplier + "]. Maybe clip or rescale the agent's output (an action wrapper)");
    }

    /** {@code m = max(min(p_da, p_rt), floor)}: the reference price of the price band. */
    public double referencePrice(double daPrice, double rtPrice) {
        return Math.max(Math.min(daPrice, rtPrice), floor);
    }

    private void writeObservations() {
        int d = day;
        boolean end = t == PERIODS;
        int h = end ? PERIODS - 1 : t;
        for (int i = 0; i < hubs.length; i++) {
            double[] r = raw[i];
            r[0] = t;
            r[1] = end ? 0 : counts[t];
            r[2] = end ? 0 : hubs[i].commitment(t);
            r[3] = calendar.dayAheadPrices(d)[h];
            r[4] = calendar.realTimePrices(d)[h];
            r[5] = hubs[i].batteryEnergy();
            r[6] = hubs[i].batteryCostBasis();
            normalizer.normalize(r, obs[i]);
        }
    }

    // ---------------------------------------------------------------- accessors

    /** Normalised observation of hub {@code i} now: the environment's own buffer, overwritten by the next step; copy to keep. */
    public double[] observation(int i) {
        return obs[i];
    }

    /** Raw observation {@code [t, n, da_com, p_da, p_rt, φ, p_φ]} of hub {@code i} now: the environment's buffer; copy to keep. */
    public double[] rawObservation(int i) {
        return raw[i];
    }

    /** Reward ($) of hub {@code i} in the last step. */
    public double reward(int i) {
        return rewards[i];
    }

    /** The books of hub {@code i} for the last step (overwritten by the next). */
    public HubPeriod period(int i) {
        return hubs[i].lastPeriod();
    }

    /** Hub {@code i}. */
    public Hub hub(int i) {
        return hubs[i];
    }

    /** Number of hubs H. */
    public int hubCount() {
        return hubs.length;
    }

    /** Charge-seeking EVs of the last step's period (market level). */
    public int lastArrivals() {
        return lastArrivals;
    }

    /** EVs of the last step that found no free station anywhere (market level). */
    public int lastLost() {
        return lastLost;
    }

    /** The day's 24 arrival counts, drawn at reset (a copy). */
    public int[] arrivalCounts() {
        return counts.clone();
    }

    /** The next period to be played, 0..24. */
    public int currentPeriod() {
        return t;
    }

    /** Whether the day is over (or no reset happened yet). */
    public boolean isDone() {
        return done;
    }

    /** Whether the current episode is an evaluation episode. */
    public boolean isEvaluation() {
        return evaluation;
    }

    /** Index of the current day in {@link #days()}, or -1 before the first reset. */
    public int dayIndex() {
        return day;
    }

    /** Every day of market data, in order. */
    public List<MarketDay> days() {
        return calendar.days();
    }

    /** The train/test split of {@link #days()}. */
    public DaySplit split() {
        return calendar.split();
    }

    /**
     * Hub 0's DA commitment, 24 kWh values (a copy): the one every hub uses when the hubs are
     * identical. With heterogeneous hubs use {@link #commitment(int)}.
     */
    public double[] commitment() {
        return commitments[0].clone();
    }

    /** Hub {@code i}'s DA commitment, 24 kWh values (a copy); {@code da_com[i,t]} of its observation. */
    public double[] commitment(int i) {
        if (i < 0 || i >= hubs.length) {
            throw new IllegalArgumentException("hub = " + i + " is outside the hubs [0, " + (hubs.length - 1) + "]");
        }
        return commitments[i].clone();
    }

    /** Every hub's DA commitment, {@code [hub][hour]} kWh (a deep copy). */
    public double[][] commitments() {
        double[][] c = new double[commitments.length][];
        for (int i = 0; i < c.length; i++) {
            c[i] = commitments[i].clone();
        }
        return c;
    }

    /** The observation scaling (store it with checkpoints). */
    public ObservationScaling normalizer() {
        return normalizer;
    }

    /**
     * What a checkpoint or an evaluation needs to rebuild this environment: the configuration
     * (full, and its SHA-256 digest), the DA commitment ({@code commitment}: hub 0's;
     * {@code commitments}: every hub's), the observation scaling, the data range, the split and
     * the dispatcher.
     */
    public Map<String, Object> provenance() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("configDigest", config.digest());
        m.put("config", config.toMap());
        m.put("commitment", commitment());
        m.put("commitments", commitments());
        Map<String, Object> n = new LinkedHashMap<>();
        n.put("features", normalizer.features());
        n.put("offset", normalizer.offset());
        n.put("scale", normalizer.scale());
        n.put("low", normalizer.low());
        n.put("high", normalizer.high());
        m.put("normalizer", n);
        List<MarketDay> days = calendar.days();
        m.put("firstDay", days.get(0).date().toString());
        m.put("lastDay", days.get(days.size() - 1).date().toString());
        m.put("days", days.size());
        m.put("trainingDays", calendar.split().trainingCount());
        m.put("testDays", calendar.split().testDays());
        m.put("dispatcher", hubs[0].dispatcher().name());
        return m;
    }

    /** The configuration this environment was built from. */
    public EnvConfig config() {
        return config;
    }

    /** The demand model's energy draws (for checks: mean and largest energy per EV). */
    public EvEnergyModel energyModel() {
        return energyModel;
    }

    /** The index of agent {@code name}. */
    public int indexOf(String name) {
        Integer i = agentIndex.get(name);
        if (i == null) {
            throw new IllegalArgumentException("agent '" + name + "' is not known; the agents are " + possibleAgents);
        }
        return i;
    }

    /**
     * Builds a {@link HubPricingEnv}. Required: {@link #setConfig}. Optional replacements for
     * what the configuration would otherwise load or solve: the days, the DA commitment (one for
     * every hub, or one per hub), the dispatcher, the cache directory.
     */
    public static final class Builder {
        private EnvConfig config;
        private List<MarketDay> days;
        private double[] commitment;
        private double[][] commitments;
        private PowerDispatcher dispatcher;
        private Path cacheDir;
        private ObservationScaling normalizer;

        private Builder() {}

        /** The configuration (required). */
        public Builder setConfig(EnvConfig config) {
            this.config = config;
            return this;
        }

        /** Days of market data to use instead of {@code market} of the configuration. */
        public Builder optDays(List<MarketDay> days) {
            this.days = days;
            return this;
        }

        /**
         * A DA commitment (24 kWh values) for every hub, instead of {@code daCommitment} of the
         * configuration. Replaces an earlier {@link #optCommitments}.
         */
        public Builder optCommitment(double[] commitment) {
            this.commitment = commitment == null ? null : commitment.clone();
            this.commitments = null;
            return this;
        }

        /**
         * One DA commitment per hub ({@code [hub][hour]}, kWh; as many rows as {@code hubs.count}),
         * instead of {@code daCommitment} of the configuration, e.g. from
         * {@link DaCommitments#resolvePerHub}. Replaces an earlier {@link #optCommitment}.
         */
        public Builder optCommitments(double[][] commitments) {
            if (commitments == null) {
                this.commitments = null;
            } else {
                this.commitments = new double[commitments.length][];
                for (int i = 0; i < commitments.length; i++) {
                    if (commitments[i] == null) {
                        throw new IllegalArgumentException("commitments[" + i + "] is missing; give 24 kWh values for every hub");
                    }
                    this.commitments[i] = commitments[i].clone();
                }
            }
            this.commitment = null;
            return this;
        }

        /** A power dispatcher to use instead of {@code power.dispatcher} of the configuration. */
        public Builder optDispatcher(PowerDispatcher dispatcher) {
            this.dispatcher = dispatcher;
            return this;
        }

        /** The DA commitment cache directory instead of {@code daCommitment.cacheDir}. */
        public Builder optCacheDir(Path dir) {
            this.cacheDir = dir;
            return this;
        }

        /**
         * The observation scaling to use instead of the one derived from the training days of
         * the given data: an evaluation on other days (a user's file) must show agents their
         * observations on the scale they were trained with.
         */
        public Builder optNormalizer(ObservationScaling normalizer) {
            this.normalizer = normalizer;
            return this;
        }

        public HubPricingEnv build() {
            if (config == null) {
                throw new IllegalArgumentException("config is missing; call setConfig(EnvConfig.defaults()) or load one with EnvConfig.load");
            }
            List<MarketDay> d = days != null ? days : MarketSource.load(config.market());
            if (d.isEmpty()) {
                throw new IllegalArgumentException("market data has no days; give at least one");
            }
            double[][] c = commitments;
            if (c == null && commitment != null) {
                c = new double[config.hubs().count()][];
                Arrays.fill(c, commitment);
            }
            if (c == null) {
                Path dir = cacheDir != null ? cacheDir : config.daCommitment().cachePath();
                c = DaCommitments.resolvePerHub(config, d, dir);
            }
            PowerDispatcher p = dispatcher != null ? dispatcher : Dispatchers.of(config.power());
            return new HubPricingEnv(config, d, c, p, normalizer);
        }
    }
}
