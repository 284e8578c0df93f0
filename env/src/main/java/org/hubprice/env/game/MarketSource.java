package org.hubprice.env.game;

import java.util.List;
import org.hubprice.env.config.MarketConfig;
import org.hubprice.env.config.SyntheticMarketConfig;
import org.hubprice.env.data.MarketDay;
import org.hubprice.env.data.SyntheticPriceGenerator;

/** Loads the days of market data that {@code market} of the configuration names. */
public final class MarketSource {
    private MarketSource() {}

    /** The days of {@code config}: drawn from the synthetic generator, or read from PJM CSV files. */
    public static List<MarketDay> load(MarketConfig config) {
        if (config.source().equals("synthetic")) {
            SyntheticMarketConfig s = config.synthetic();
            return new SyntheticPriceGenerator().generate(s.firstDate(), s.days(), s.seed());
        }
        throw new IllegalArgumentException("market.source = pjm needs the PJM loader");
    }
}
