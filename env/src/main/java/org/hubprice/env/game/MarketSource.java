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
        PjmLmpCsvLoader.Builder b = PjmLmpCsvLoader.builder().optStrict(p.strict());
        if (p.pnodeId() != null) {
            b.optPnodeId(p.pnodeId());
        }
        PjmLoadResult r;
        try {
            r = b.build().load(da, rt);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the PJM files " + da + " and " + rt, e);
        }
        for (String note : r.notes()) {
            LOG.info("PJM data: {}", note);
        }
        if (r.days().isEmpty()) {
            throw new IllegalArgumentException("the PJM files " + da + " and " + rt + " give no complete day. Maybe the two files cover "
                    + "different dates, or set market.pjm.pnodeId");
        }
        return r.days();
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
