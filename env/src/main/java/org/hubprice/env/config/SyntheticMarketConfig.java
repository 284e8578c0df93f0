package org.hubprice.env.config;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.hubprice.common.Check;

/**
 * {@code market.synthetic}: days drawn from the calibrated synthetic price generator.
 *
 * @param firstDay first calendar day, ISO {@code yyyy-MM-dd}
 * @param days number of consecutive days, in [1, 36600]
 * @param seed the generator's seed
 */
public record SyntheticMarketConfig(String firstDay, int days, long seed) {
    public SyntheticMarketConfig {
        Validate.present("market.synthetic.firstDay", firstDay);
        parseDate("market.synthetic.firstDay", firstDay);
        Check.inRange("market.synthetic.days", days, 1, 36_600);
    }

    /** {@link #firstDay} as a date. */
    public LocalDate firstDate() {
        return LocalDate.parse(firstDay);
    }

    static LocalDate parseDate(String key, String value) {
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(key + " = '" + value + "' is not an ISO date; write it as yyyy-MM-dd, e.g. 2021-12-01");
        }
    }
}
