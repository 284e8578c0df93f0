package org.hubprice.agents.baseline;

/**
 * {@code cap}: {@code fixed-markup} with multiplier 2.0, the top of the hub game's action
 * range (under the default demand model, every hub at the cap is the monopoly outcome).
 */
public final class CapFactory extends FixedMarkupFactory.Preset {
    @Override
    public String name() {
        return "cap";
    }

    @Override
    public String description() {
        return "fixed-markup with multiplier 2.0 (price at the cap)";
    }

    @Override
    protected double preset() {
        return 2.0;
    }
}
