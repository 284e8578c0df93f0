package org.hubprice.evaluation.equilibrium;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.hubprice.env.demand.BalkingCurve;
import org.hubprice.env.demand.ChoiceOutcome;
import org.hubprice.env.demand.DemandConfig;
import org.hubprice.env.demand.HubChoiceModel;
import org.junit.jupiter.api.Test;

/**
 * The expected choice against the mean of the simulator's choice model (40 000 draws per case;
 * tolerance 0.6 EV) at a fixed number of EVs, away from a station limit: near one, the simulator's
 * random split makes {@code E[min(X, S)] < min(E X, S)}, which the expected-demand convention ignores.
 */
class ExpectedChoiceTest {
    private static void compare(DemandConfig demand, int evs, double[] prices, int[] stations) {
        int h = prices.length;
        ExpectedChoice expected = new ExpectedChoice(demand, h);
        expected.assign(evs, prices, stations);
        HubChoiceModel model = new HubChoiceModel(demand);
        ChoiceOutcome out = new ChoiceOutcome(h);
        SplittableRandom rng = new SplittableRandom(5);
        int draws = 40_000;
        double[] assigned = new double[h];
        double[] balked = new double[h];
        for (int k = 0; k < draws; k++) {
            model.assign(evs, prices, stations, rng, out);
            for (int i = 0; i < h; i++) {
                assigned[i] += out.assigned[i];
                balked[i] += out.balked[i];
            }
        }
        for (int i = 0; i < h; i++) {
            assertEquals(assigned[i] / draws, expected.assigned[i], 0.6, "assigned at hub " + i);
            assertEquals(balked[i] / draws, expected.balked[i], 0.6, "balked at hub " + i);
        }
    }

    @Test
    void matchesTheSimulatorOnAverage() {
        DemandConfig d = DemandConfig.defaults();
        compare(d, 190, new double[] {50, 52}, new int[] {150, 150});         // both similar
        compare(d, 190, new double[] {50, 60}, new int[] {150, 150});         // overflow with balking (ratio 1.2)
        compare(d, 190, new double[] {50, 90}, new int[] {150, 150});         // overflow, ratio 1.8: everyone balks
        compare(d, 400, new double[] {50, 56, 56}, new int[] {100, 80, 150}); // a tie in the overflow
        compare(d.withPriceSensitiveShare(0.6), 120, new double[] {50, 70}, new int[] {150, 150});
        compare(d.withBalking(BalkingCurve.logisticPrice(55, 8)), 190, new double[] {50, 60}, new int[] {150, 150});
        compare(d, 7, new double[] {50, 50}, new int[] {150, 150});           // an odd remainder
    }
}
