package org.hubprice.agents.baseline;

/**
 * {@code marginal-cost}: {@code fixed-markup} with multiplier 1.0, i.e. in the hub game every
 * hub prices at its marginal cost of power (the competitive benchmark of the collusion index).
 */
public final class MarginalCostFactory extends FixedMarkupFactory.Preset {
    @Override
    public String name() {
        return "marginal-cost";
    }

    @Override
    public String description() {
        return "fixed-markup with multiplier 1.0 (price at marginal cost)";
    }

    @Override
    protected double preset() {
        return 1.0;
    }
}
