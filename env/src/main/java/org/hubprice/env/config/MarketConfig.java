package org.hubprice.env.config;

import java.util.List;
import org.hubprice.common.Check;

/**
 * {@code market}: where the days of wholesale prices come from.
 *
 * @param source {@code synthetic} (the default: no data files needed) or {@code pjm}
 * @param synthetic settings of the synthetic generator
 * @param pjm the CSV files to load; both required when {@code source = pjm}
 */
public record MarketConfig(String source, SyntheticMarketConfig synthetic, PjmMarketConfig pjm) {
    /** Allowed sources. */
    public static final List<String> SOURCES = List.of("synthetic", "pjm");

    public MarketConfig {
        source = Check.oneOf("market.source", source, SOURCES);
        Validate.present("market.synthetic", synthetic);
        if (pjm == null) {
            pjm = new PjmMarketConfig(null, null, null, false);
        }
        if (source.equals("pjm")) {
            if (pjm.dayAheadFile() == null || pjm.dayAheadFile().isBlank()) {
                throw new IllegalArgumentException("market.pjm.dayAheadFile is missing; market.source = pjm needs the day-ahead CSV. "
                        + "Maybe set market.pjm.dayAheadFile=PATH, or market.source=synthetic");
            }
            if (pjm.realTimeFile() == null || pjm.realTimeFile().isBlank()) {
                throw new IllegalArgumentException("market.pjm.realTimeFile is missing; market.source = pjm needs the real-time CSV. "
                        + "Maybe set market.pjm.realTimeFile=PATH, or market.source=synthetic");
            }
        }
    }
}
