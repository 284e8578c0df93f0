package org.hubprice.env.game;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hubprice.env.config.MarketConfig;
import org.hubprice.env.config.PjmMarketConfig;
import org.hubprice.env.config.SyntheticMarketConfig;
import org.hubprice.env.data.MarketDay;
import org.hubprice.env.data.PjmLmpCsvLoader;
import org.hubprice.env.data.PjmLoadResult;
import org.hubprice.env.data.SkippedDay;
import java.util.List;
import org.hubprice.env.data.SyntheticPriceGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Loads the days of market data that {@code market} of the configuration names. */
public final class MarketSource {
    private static final Logger LOG = LoggerFactory.getLogger(MarketSource.class);

    private MarketSource() {}

    /** The days of {@code config}: drawn from the synthetic generator, or read from PJM Data Miner CSV files. */
    public static List<MarketDay> load(MarketConfig config) {
        if (config.source().equals("synthetic")) {
            SyntheticMarketConfig s = config.synthetic();
            return new SyntheticPriceGenerator().generate(s.firstDate(), s.days(), s.seed());
        }
        PjmMarketConfig p = config.pjm();
        Path da = existing("market.pjm.dayAheadFile", p.dayAheadFile());
        Path rt = existing("market.pjm.realTimeFile", p.realTimeFile());
        return loadPjm(da, rt, p, "market.pjm").days();
    }

    /**
     * The one loading path for a PJM Data Miner pair, used by {@code market.source: pjm} and by
     * {@code evaluate --days DA.csv,RT.csv}: the pnode and strict mode come from {@code p}
     * ({@code market.pjm.pnodeId}, {@code market.pjm.strict}). It logs once: one INFO line with
     * what was loaded and the adjustments made, and one WARN line naming every skipped day.
     *
     * @param what how the caller names the pair in messages ({@code market.pjm}, {@code --days})
     */
    public static PjmLoadResult loadPjm(Path da, Path rt, PjmMarketConfig p, String what) {
        PjmLmpCsvLoader.Builder b = PjmLmpCsvLoader.builder().optStrict(p.strict());
        if (p.pnodeId() != null) {
            b.optPnodeId(p.pnodeId());
        }
        PjmLoadResult r;
        try {
            r = b.build().load(da, rt);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the PJM files " + da + " and " + rt + ": " + e.getMessage(), e);
        }
        List<String> adjustments = new java.util.ArrayList<>(r.dayAhead().notes());
        adjustments.addAll(r.realTime().notes());
        LOG.info("{} PJM data: {} days from {} and {}{}", what, r.days().size(), da.getFileName(), rt.getFileName(),
                adjustments.isEmpty() ? "" : "; " + String.join("; ", adjustments));
        if (!r.skippedDays().isEmpty()) {
            StringBuilder sb = new StringBuilder();
            for (SkippedDay s : r.skippedDays()) {
                sb.append(sb.isEmpty() ? "" : "; ").append(s);
            }
            LOG.warn("{} PJM data: skipped {} {} that cannot be built: {}", what, r.skippedDays().size(),
                    r.skippedDays().size() == 1 ? "day" : "days", sb);
        }
        if (r.days().isEmpty()) {
            throw new IllegalArgumentException("the PJM files " + da + " and " + rt + " give no complete day. Maybe the two files cover "
                    + "different dates, or set market.pjm.pnodeId");
        }
        return r;
    }

    private static Path existing(String key, String file) {
        Path path = Path.of(file);
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException(key + " = '" + file + "' is not a readable file (working directory "
                    + Path.of("").toAbsolutePath() + ")");
        }
        return path;
    }
}
