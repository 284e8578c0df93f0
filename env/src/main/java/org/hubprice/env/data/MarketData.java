package org.hubprice.env.data;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The two ways to get market days: the calibrated synthetic generator (the default, needing no
 * files) or a pair of PJM Data Miner exports.
 */
public final class MarketData {
    private static final Logger LOG = LoggerFactory.getLogger(MarketData.class);

    private MarketData() {}

    /** A synthetic year like the reference one (365 days from 2021-12-01, default calibration). */
    public static List<MarketDay> synthetic(long seed) {
        return new SyntheticPriceGenerator().defaultYear(seed);
    }

    /** {@code days} synthetic days from {@code firstDay} under {@code config}. */
    public static List<MarketDay> synthetic(SyntheticPriceConfig config, LocalDate firstDay, int days, long seed) {
        return new SyntheticPriceGenerator(config).generate(firstDay, days, seed);
    }

    /**
     * The complete days of a PJM DA and RT file with one pnode; days that cannot be built are
     * logged at WARN with their dates and reasons, and left out.
     *
     * @throws IllegalArgumentException for malformed files, or when no day at all can be built
     */
    public static List<MarketDay> pjm(Path daFile, Path rtFile) throws IOException {
        return days(new PjmLmpCsvLoader().load(daFile, rtFile), daFile, rtFile);
    }

    /** As {@link #pjm(Path, Path)}, using the rows of {@code pnodeId} (for files holding several pnodes). */
    public static List<MarketDay> pjm(Path daFile, Path rtFile, long pnodeId) throws IOException {
        return days(PjmLmpCsvLoader.builder().optPnodeId(pnodeId).build().load(daFile, rtFile), daFile, rtFile);
    }

    private static List<MarketDay> days(PjmLoadResult r, Path daFile, Path rtFile) {
        for (SkippedDay s : r.skippedDays()) {
            LOG.warn("Skipped {}", s);
        }
        if (r.days().isEmpty()) {
            throw new IllegalArgumentException("no complete day can be built from " + daFile + " and " + rtFile
                    + "; skipped: " + r.skippedDays() + ". Maybe the two files cover different periods");
        }
        return r.days();
    }
}
