package org.hubprice.env.game;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.hubprice.common.Seeds;
import org.hubprice.env.config.SplitConfig;
import org.hubprice.env.data.MarketDay;

/**
 * The train/test split of a list of days, by index into that list. Held-out (test) days are
 * never drawn for training resets and never enter the DA commitment.
 *
 * <ul>
 *   <li>{@code paper}: {@code k} days drawn at random (seeded) from each meteorological season
 *       present in the data (Dec–Feb, Mar–May, Jun–Aug, Sep–Nov; paper: 8 per season, 32 of 365);</li>
 *   <li>{@code reference}: every {@code every}-th day, starting with the first (reference
 *       implementation: every 11th, 34 of 365).</li>
 * </ul>
 */
public final class DaySplit {
    private static final String[] SEASONS = {"winter (Dec-Feb)", "spring (Mar-May)", "summer (Jun-Aug)", "autumn (Sep-Nov)"};

    private final int[] training;
    private final int[] test;
    private final boolean[] isTest;

    private DaySplit(boolean[] isTest) {
        this.isTest = isTest;
        int nTest = 0;
        for (boolean b : isTest) {
            nTest += b ? 1 : 0;
        }
        if (nTest == isTest.length) {
            throw new IllegalArgumentException("split holds out all " + isTest.length + " days, leaving none for training. "
                    + "Maybe give more days or hold out fewer (split.testDaysPerSeason, split.every)");
        }
        training = new int[isTest.length - nTest];
        test = new int[nTest];
        int a = 0;
        int b = 0;
        for (int i = 0; i < isTest.length; i++) {
            if (isTest[i]) {
                test[b++] = i;
            } else {
                training[a++] = i;
            }
        }
    }

    /** The split {@code config} asks for. */
    public static DaySplit of(List<MarketDay> days, SplitConfig config) {
        return config.method().equals("reference") ? reference(days.size(), config.every())
                : paper(days, config.testDaysPerSeason(), config.seed());
    }

    /** Every {@code every}-th day is held out, starting with day 0. */
    public static DaySplit reference(int dayCount, int every) {
        if (dayCount < 1) {
            throw new IllegalArgumentException("split: no days to split; the market data is empty");
        }
        if (every < 2) {
            throw new IllegalArgumentException("split.every = " + every + " must be >= 2 (1 would hold out every day)");
        }
        boolean[] t = new boolean[dayCount];
        for (int i = 0; i < dayCount; i += every) {
            t[i] = true;
        }
        return new DaySplit(t);
    }

    /** {@code perSeason} random days of each season present are held out, drawn with {@code seed}. */
    public static DaySplit paper(List<MarketDay> days, int perSeason, long seed) {
        if (days.isEmpty()) {
            throw new IllegalArgumentException("split: no days to split; the market data is empty");
        }
        List<List<Integer>> bySeason = new ArrayList<>();
        for (int s = 0; s < 4; s++) {
            bySeason.add(new ArrayList<>());
        }
        for (int i = 0; i < days.size(); i++) {
            bySeason.get(season(days.get(i).date())).add(i);
        }
        boolean[] t = new boolean[days.size()];
        for (int s = 0; s < 4; s++) {
            List<Integer> members = bySeason.get(s);
            if (members.isEmpty() || perSeason == 0) {
                continue;
            }
            if (members.size() <= perSeason) {
                throw new IllegalArgumentException("split: " + SEASONS[s] + " has only " + members.size() + " days but split.testDaysPerSeason = "
                        + perSeason + " would hold out all of them. Maybe lower split.testDaysPerSeason or use split.method=reference");
            }
            int[] idx = members.stream().mapToInt(Integer::intValue).toArray();
            SplittableRandom rng = Seeds.stream(seed, "split", s);
            // Partial Fisher–Yates: the first perSeason entries become a uniform random subset.
            for (int j = 0; j < perSeason; j++) {
                int pick = j + rng.nextInt(idx.length - j);
                int tmp = idx[j];
                idx[j] = idx[pick];
                idx[pick] = tmp;
                t[idx[j]] = true;
            }
        }
        return new DaySplit(t);
    }

    /** Meteorological season 0..3 of a date: winter, spring, summer, autumn. */
    public static int season(LocalDate date) {
        return (date.getMonthValue() % 12) / 3;
    }

    /** Indices of the training days, increasing. */
    public int[] trainingDays() {
        return training.clone();
    }

    /** Indices of the held-out days, increasing. */
    public int[] testDays() {
        return test.clone();
    }

    /** Number of training days. */
    public int trainingCount() {
        return training.length;
    }

    /** Number of held-out days. */
    public int testCount() {
        return test.length;
    }

    /** The {@code k}-th training day's index (no copy). */
    public int trainingDay(int k) {
        return training[k];
    }

    /** Whether day {@code index} is held out. */
    public boolean isTest(int index) {
        return isTest[index];
    }

    /** Number of days split. */
    public int size() {
        return isTest.length;
    }

    @Override
    public String toString() {
        return "DaySplit[" + training.length + " training, " + test.length + " test " + Arrays.toString(test) + "]";
    }
}
