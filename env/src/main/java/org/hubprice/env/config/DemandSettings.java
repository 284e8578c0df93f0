package org.hubprice.env.config;

import java.util.List;
import org.hubprice.common.Check;
import org.hubprice.env.demand.DemandConfig;

/**
 * {@code demand}: EV arrivals, energy and hub choice (docs/model.md section 2), the YAML form of
 * {@link DemandConfig}. Field meanings, units and defaults are those of {@link DemandConfig}.
 *
 * @param meanVehicles αβN̄[t], 24 values {@code >= 0}
 * @param chargeProbability q[t], 24 values in [0, 1]
 * @param batterySizesKwh battery sizes, kWh, each {@code > 0}
 * @param batterySizeProbabilities their probabilities, summing to 1
 * @param socPercents states of charge at arrival, %, in [0, 100]
 * @param socProbabilities their probabilities, summing to 1
 * @param priceSensitiveShare γ in [0, 1]
 * @param similarityTolerance δ in [0, 10]
 * @param demandMultiplier scales the arrivals, in [0, 100]
 * @param balking the balking curve
 */
public record DemandSettings(List<Double> meanVehicles, List<Double> chargeProbability, List<Double> batterySizesKwh,
                             List<Double> batterySizeProbabilities, List<Double> socPercents, List<Double> socProbabilities,
                             double priceSensitiveShare, double similarityTolerance, double demandMultiplier, BalkingSettings balking) {
    public DemandSettings {
        meanVehicles = Validate.numbers("demand.meanVehicles", meanVehicles);
        chargeProbability = Validate.numbers("demand.chargeProbability", chargeProbability);
        batterySizesKwh = Validate.numbers("demand.batterySizesKwh", batterySizesKwh);
        batterySizeProbabilities = Validate.numbers("demand.batterySizeProbabilities", batterySizeProbabilities);
        socPercents = Validate.numbers("demand.socPercents", socPercents);
        socProbabilities = Validate.numbers("demand.socProbabilities", socProbabilities);
        Check.inRange("demand.priceSensitiveShare", priceSensitiveShare, 0, 1);
        Check.inRange("demand.similarityTolerance", similarityTolerance, 0, 10);
        Check.inRange("demand.demandMultiplier", demandMultiplier, 0, 100);
        Validate.present("demand.balking", balking);
        // The demand model checks the tables (lengths, probabilities, sums); its messages start
        // with the field name, so prefixing the section gives the full key.
        try {
            build(meanVehicles, chargeProbability, batterySizesKwh, batterySizeProbabilities, socPercents, socProbabilities,
                    priceSensitiveShare, similarityTolerance, demandMultiplier, balking);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("demand." + e.getMessage(), e);
        }
    }

    /** The demand model's configuration. */
    public DemandConfig toDemandConfig() {
        return build(meanVehicles, chargeProbability, batterySizesKwh, batterySizeProbabilities, socPercents, socProbabilities,
                priceSensitiveShare, similarityTolerance, demandMultiplier, balking);
    }

    /** The YAML form of {@code c}. */
    public static DemandSettings of(DemandConfig c) {
        return new DemandSettings(BalkingSettings.toList(c.meanVehicles()), BalkingSettings.toList(c.chargeProbability()),
                BalkingSettings.toList(c.batterySizesKwh()), BalkingSettings.toList(c.batterySizeProbabilities()),
                BalkingSettings.toList(c.socPercents()), BalkingSettings.toList(c.socProbabilities()), c.priceSensitiveShare(),
                c.similarityTolerance(), c.demandMultiplier(), BalkingSettings.of(c.balking()));
    }

    private static DemandConfig build(List<Double> meanVehicles, List<Double> chargeProbability, List<Double> batterySizesKwh,
                                      List<Double> batterySizeProbabilities, List<Double> socPercents, List<Double> socProbabilities,
                                      double priceSensitiveShare, double similarityTolerance, double demandMultiplier,
                                      BalkingSettings balking) {
        return new DemandConfig(BalkingSettings.toArray(meanVehicles), BalkingSettings.toArray(chargeProbability),
                BalkingSettings.toArray(batterySizesKwh), BalkingSettings.toArray(batterySizeProbabilities),
                BalkingSettings.toArray(socPercents), BalkingSettings.toArray(socProbabilities), priceSensitiveShare,
                similarityTolerance, balking.curve(), demandMultiplier);
    }
}
