package org.hubprice.env.data;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.hubprice.common.Check;
import org.hubprice.common.Quantiles;

/**
 * Summary statistics of a set of days, over all their hours: what a synthetic year is compared
 * with a real one on.
 *
 * @param days number of days
 * @param daMean mean DA price, $/MWh
 * @param daSd standard deviation of the hourly DA prices
 * @param rtMean mean RT price
 * @param rtSd standard deviation of the hourly RT prices (dominated by a few spike hours)
 * @param rtIqr interquartile range of the hourly RT prices (a spread the spikes do not dominate)
 * @param daProfile mean DA price of each hour of the day divided by {@code daMean}
 * @param rtProfile mean RT price of each hour of the day divided by {@code rtMean} (a handful of
 *     spike hours can move one hour's mean by 10 %)
 * @param rtMedianProfile median RT price of each hour of the day divided by the median of all RT
 *     prices (the hour-of-day shape without the spikes' weight)
 * @param daRtCorrelation Pearson correlation of the hourly DA and RT prices
 * @param spikeRatio the threshold used for {@code spikeShare}
 * @param spikeShare share of hours with RT &gt; spikeRatio · DA
 * @param nonPositiveShare share of hours with RT ≤ 0
 */
public record MarketStatistics(int days, double daMean, double daSd, double rtMean, double rtSd, double rtIqr,
        double[] daProfile, double[] rtProfile, double[] rtMedianProfile, double daRtCorrelation, double spikeRatio, double spikeShare,
        double nonPositiveShare) {

    public MarketStatistics {
        daProfile = daProfile.clone();
        rtProfile = rtProfile.clone();
        rtMedianProfile = rtMedianProfile.clone();
    }

    /** Statistics of {@code days} with spikes defined as RT &gt; {@code spikeRatio} · DA. */
    public static MarketStatistics of(List<MarketDay> days, double spikeRatio) {
        Objects.requireNonNull(days, "days");
        Check.that(!days.isEmpty(), "days is empty; statistics need at least one day");
        Check.positive("spikeRatio", spikeRatio);
        int hours = MarketDay.HOURS;
        int n = days.size() * hours;
        double[] rt = new double[n];
        double[][] rtByHour = new double[hours][days.size()];
        double sumDa = 0;
        double sumRt = 0;
        double[] hourDa = new double[hours];
        double[] hourRt = new double[hours];
        int spikes = 0;
        int nonPositive = 0;
        int k = 0;
        for (int di = 0; di < days.size(); di++) {
            MarketDay d = days.get(di);
            for (int h = 0; h < hours; h++) {
                double a = d.dayAhead(h);
                double r = d.realTime(h);
                sumDa += a;
                sumRt += r;
                hourDa[h] += a;
                hourRt[h] += r;
                spikes += r > spikeRatio * a ? 1 : 0;
                nonPositive += r <= 0 ? 1 : 0;
                rt[k++] = r;
                rtByHour[h][di] = r;
            }
        }
        double daMean = sumDa / n;
        double rtMean = sumRt / n;
        double vDa = 0;
        double vRt = 0;
        double cov = 0;
        for (MarketDay d : days) {
            for (int h = 0; h < hours; h++) {
                double a = d.dayAhead(h) - daMean;
                double r = d.realTime(h) - rtMean;
                vDa += a * a;
                vRt += r * r;
                cov += a * r;
            }
        }
        double[] daProfile = new double[hours];
        double[] rtProfile = new double[hours];
        for (int h = 0; h < hours; h++) {
            daProfile[h] = hourDa[h] / days.size() / daMean;
            rtProfile[h] = hourRt[h] / days.size() / rtMean;
        }
        Arrays.sort(rt);
        double iqr = Quantiles.ofSorted(rt, 0.75) - Quantiles.ofSorted(rt, 0.25);
        double median = Quantiles.ofSorted(rt, 0.5);
        double[] rtMedianProfile = new double[hours];
        for (int h = 0; h < hours; h++) {
            Arrays.sort(rtByHour[h]);
            rtMedianProfile[h] = Quantiles.ofSorted(rtByHour[h], 0.5) / median;
        }
        double corr = vDa > 0 && vRt > 0 ? cov / Math.sqrt(vDa * vRt) : 0;
        return new MarketStatistics(days.size(), daMean, Math.sqrt(vDa / n), rtMean, Math.sqrt(vRt / n), iqr,
                daProfile, rtProfile, rtMedianProfile, corr, spikeRatio, (double) spikes / n, (double) nonPositive / n);
    }

    /** Largest absolute difference between this and {@code other}'s relative DA profiles. */
    public double maxDaProfileDeviation(MarketStatistics other) {
        return maxAbsDiff(daProfile, other.daProfile);
    }

    /** Largest absolute difference between this and {@code other}'s relative RT profiles. */
    public double maxRtProfileDeviation(MarketStatistics other) {
        return maxAbsDiff(rtProfile, other.rtProfile);
    }

    /** Largest absolute difference between this and {@code other}'s relative RT median profiles. */
    public double maxRtMedianProfileDeviation(MarketStatistics other) {
        return maxAbsDiff(rtMedianProfile, other.rtMedianProfile);
    }

    @Override
    public double[] daProfile() {
        return daProfile.clone();
    }

    @Override
    public double[] rtProfile() {
        return rtProfile.clone();
    }

    @Override
    public double[] rtMedianProfile() {
        return rtMedianProfile.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MarketStatistics s && days == s.days && Double.compare(daMean, s.daMean) == 0
                && Double.compare(daSd, s.daSd) == 0 && Double.compare(rtMean, s.rtMean) == 0
                && Double.compare(rtSd, s.rtSd) == 0 && Double.compare(rtIqr, s.rtIqr) == 0
                && Arrays.equals(daProfile, s.daProfile) && Arrays.equals(rtProfile, s.rtProfile)
                && Arrays.equals(rtMedianProfile, s.rtMedianProfile)
                && Double.compare(daRtCorrelation, s.daRtCorrelation) == 0 && Double.compare(spikeRatio, s.spikeRatio) == 0
                && Double.compare(spikeShare, s.spikeShare) == 0 && Double.compare(nonPositiveShare, s.nonPositiveShare) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(days, daMean, rtMean);
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT,
                "MarketStatistics[days=%d, DA mean=%.2f sd=%.2f, RT mean=%.2f sd=%.2f iqr=%.2f, corr=%.3f, "
                        + "spikeShare(RT>%.3gxDA)=%.4f, nonPositiveShare=%.5f]",
                days, daMean, daSd, rtMean, rtSd, rtIqr, daRtCorrelation, spikeRatio, spikeShare, nonPositiveShare);
    }

    private static double maxAbsDiff(double[] a, double[] b) {
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, Math.abs(a[i] - b[i]));
        }
        return m;
    }
}
