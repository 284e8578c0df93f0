package org.hubprice.evaluation.equilibrium;

import org.hubprice.env.demand.ArrivalModel;
import org.hubprice.env.demand.DemandConfig;
import org.hubprice.env.demand.EvEnergyModel;
import org.hubprice.env.game.HubPricingEnv;
import org.hubprice.env.hub.Hub;
import org.hubprice.evaluation.MonopolySearch;
import org.hubprice.models.power.DispatchResult;

/**
 * One hour of the hub game as a one-shot pricing game on the price grid, under the stage-game
 * convention of the Nash benchmark: the hour's <em>expected</em> charge-seeking EVs
 * ({@code λ[t]·q[t]}) choose hubs by {@link ExpectedChoice}, each EV needs the mean energy
 * ({@code E[size·(100 − soc)/100]}), and each hub's payoff is its period profit from the
 * simulator's own power dispatch, given its DA commitment of the hour, the day's prices and its
 * battery state ({@code φ, p_φ}) at the start of the hour. Not thread-safe.
 */
public final class HubStageGame {
    private final HubPricingEnv env;
    private final double[] grid;
    private final ArrivalModel arrivals;
    private final double meanEnergy;
    private final ExpectedChoice choice;
    private final int[] stations;
    private final double[] prices;
    private final DispatchResult dispatch = new DispatchResult();

    /** The stage games of {@code env}'s days on its pricing grid. */
    public HubStageGame(HubPricingEnv env) {
        this.env = env;
        this.grid = MonopolySearch.grid(env.config().pricing());
        DemandConfig demand = env.config().demand().toDemandConfig();
        this.arrivals = new ArrivalModel(demand);
        this.meanEnergy = new EvEnergyModel(demand).meanEnergyKwh();
        int h = env.hubCount();
        this.choice = new ExpectedChoice(demand, h);
        this.stations = new int[h];
        for (int i = 0; i < h; i++) {
            stations[i] = env.hub(i).stations();
        }
        this.prices = new double[h];
    }

    /** The price grid (multipliers). */
    public double[] grid() {
        return grid.clone();
    }

    /** Number of hubs (players). */
    public int hubs() {
        return stations.length;
    }

    /** Mean charge-seeking EVs of hour t. */
    public double expectedEvs(int t) {
        return arrivals.expectedChargeSeekers(t);
    }

    /**
     * Every hub's expected profit ($) in hour {@code t} of day {@code day} when hub i posts grid
     * level {@code levels[i]}, from battery state {@code energy[i]} kWh at basis {@code basis[i]}
     * $/MWh; with {@code nextEnergy}/{@code nextBasis} non-null, also the batteries after the hour.
     */
    public void payoffs(int day, int t, double[] energy, double[] basis, int[] levels, double[] out, double[] nextEnergy,
                        double[] nextBasis) {
        double pDa = env.days().get(day).dayAhead()[t];
        double pRt = env.days().get(day).realTime()[t];
        double m = env.referencePrice(pDa, pRt);
        int h = stations.length;
        for (int i = 0; i < h; i++) {
            prices[i] = grid[levels[i]] * m;
        }
        choice.assign(arrivals.expectedChargeSeekers(t), prices, stations);
        for (int i = 0; i < h; i++) {
            Hub hub = env.hub(i);
            double load = choice.assigned[i] * meanEnergy;
            hub.dispatcher().dispatch(load, env.commitment(i)[t], prices[i], pDa, pRt, energy[i], basis[i], hub.limits(), dispatch);
            out[i] = dispatch.profit;
            if (nextEnergy != null) {
                nextEnergy[i] = dispatch.batteryEnergyAfter;
                nextBasis[i] = dispatch.batteryCostBasisAfter;
            }
        }
    }

    /** The grid level closest to multiplier {@code a}. */
    public int levelOf(double a) {
        return org.hubprice.evaluation.MonopolySearch.nearestLevel(grid, a);
    }
}
