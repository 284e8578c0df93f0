package org.hubprice.training;

import java.util.Arrays;
import org.hubprice.training.config.PlateauConfig;

/**
 * The plateau rule of {@link PlateauConfig}: an exponential moving average of the total
 * episode reward, and its values over the last {@code window} episodes in a ring, so that the
 * relative change over the window is one subtraction. Its state ({@link #state}) goes into
 * every checkpoint so a resumed run stops where an uninterrupted one would.
 */
public final class PlateauDetector {
    private final PlateauConfig config;
    private final double[] ring;
    private long count;
    private double ema;

    public PlateauDetector(PlateauConfig config) {
        this.config = config;
        this.ring = new double[config.window() + 1];
    }

    /**
     * Adds episode {@code count + 1}'s total reward and says whether the rule now fires
     * (always false when disabled).
     */
    public boolean add(double reward) {
        ema = count == 0 ? reward : ema + config.smoothing() * (reward - ema);
        ring[(int) (count % ring.length)] = ema;
        count++;
        return fired();
    }

    /** Whether the rule holds after the episodes added so far. */
    public boolean fired() {
        if (!config.enabled() || count < config.minEpisodes() || count <= config.window()) {
            return false;
        }
        double then = ring[(int) ((count - 1 - config.window()) % ring.length)];
        return Math.abs(ema - then) <= config.threshold() * Math.max(Math.abs(then), config.scaleFloor());
    }

    /** The relative change of the smoothed reward over the window, or NaN before a full window. */
    public double relativeChange() {
        if (count <= config.window()) {
            return Double.NaN;
        }
        double then = ring[(int) ((count - 1 - config.window()) % ring.length)];
        return Math.abs(ema - then) / Math.max(Math.abs(then), config.scaleFloor());
    }

    /** The current smoothed reward. */
    public double smoothed() {
        return ema;
    }

    /** Episodes added. */
    public long count() {
        return count;
    }

    /** State for checkpoints: episodes added, the EMA and the ring in storage order. */
    public State state() {
        return new State(count, ema, ring.clone());
    }

    /** Restores {@link #state()}; the window must match. */
    public void restore(State s) {
        if (s.ring().length != ring.length) {
            throw new IllegalArgumentException("checkpoint plateau window " + (s.ring().length - 1) + " differs from stopping.plateau.window = "
                    + config.window() + "; resume with the window the run started with");
        }
        count = s.count();
        ema = s.ema();
        System.arraycopy(s.ring(), 0, ring, 0, ring.length);
    }

    /**
     * Serialisable state.
     *
     * @param count episodes added
     * @param ema the smoothed reward
     * @param ring the last window + 1 smoothed values, indexed by episode modulo the ring length
     */
    public record State(long count, double ema, double[] ring) {
        @Override
        public boolean equals(Object o) {
            return o instanceof State s && s.count == count && Double.compare(s.ema, ema) == 0 && Arrays.equals(s.ring, ring);
        }

        @Override
        public int hashCode() {
            return Long.hashCode(count) * 31 + Arrays.hashCode(ring);
        }

        @Override
        public String toString() {
            return "State[count=" + count + ", ema=" + ema + "]";
        }
    }
}
