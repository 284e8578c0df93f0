package org.hubprice.env.game;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.hubprice.env.config.EnvConfig;

/** Environments for tests: synthetic prices and the reference DA commitment of docs/model.md section 4, so no solver runs. */
final class TestEnvs {
    /** The reference implementation's DA commitment, kWh (docs/model.md section 4). */
    static final double[] REFERENCE_COMMITMENT = {89.8, 28.4, 2042, 1324, 56.5, 79.8, 345, 796, 1166, 2153, 1808, 1901, 3326, 2785,
        2674, 2884, 3407, 3824, 2728, 1710, 772, 619, 374, 108};

    private TestEnvs() {}

    /** The default configuration with the reference commitment given explicitly, plus {@code overrides}. */
    static EnvConfig config(String... overrides) {
        List<String> o = new ArrayList<>();
        o.add("daCommitment.mode=explicit");
        o.add("daCommitment.values=" + Arrays.stream(REFERENCE_COMMITMENT).mapToObj(Double::toString).collect(Collectors.joining(",", "[", "]")));
        o.addAll(List.of(overrides));
        return EnvConfig.defaults().withOverrides(o);
    }

    static HubPricingEnv env(String... overrides) {
        return HubPricingEnv.create(config(overrides));
    }
}
