package org.hubprice.evaluation;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.hubprice.agents.AgentRegistry;
import org.hubprice.env.config.EnvConfig;
import org.hubprice.evaluation.days.Scenarios;
import org.hubprice.evaluation.policy.HubPolicy;
import org.hubprice.evaluation.policy.PolicySpecs;

/** Small, fast evaluation set-ups shared by the tests: 60 synthetic days, every 11th held out (6 days), an explicit DA commitment. */
public final class EvalFixtures {
    /** The reference DA commitment of docs/model.md section 4, so that no solver runs in tests. */
    public static final String COMMITMENT = "daCommitment.values=[89.8, 28.4, 2042, 1324, 56.5, 79.8, 345, 796, 1166, 2153, 1808, 1901, "
            + "3326, 2785, 2674, 2884, 3407, 3824, 2728, 1710, 772, 619, 374, 108]";

    /** The overrides of {@link #config()}, for CLI tests. */
    public static final List<String> OVERRIDES = List.of("daCommitment.mode=explicit", COMMITMENT, "market.synthetic.days=60",
            "split.method=reference");

    private EvalFixtures() {}

    /** The default game on 60 synthetic days, held-out days 0, 11, 22, 33, 44, 55. */
    public static EnvConfig config(String... more) {
        List<String> o = new ArrayList<>(OVERRIDES);
        o.addAll(List.of(more));
        return EnvConfig.defaults().withOverrides(o);
    }

    /** The held-out days of {@code config}. */
    public static Scenarios scenarios(EnvConfig config) {
        return Scenarios.of(config, "test", null);
    }

    /** Every hub playing the factory policy {@code spec} ({@code fixed-markup:1.5}, {@code cap}, ...). */
    public static List<HubPolicy> all(String spec, int hubs) throws IOException {
        List<String> agents = new ArrayList<>();
        for (int i = 0; i < hubs; i++) {
            agents.add("hub_" + i);
        }
        return PolicySpecs.parse(agents, List.of(), List.of("all=" + spec), AgentRegistry.load(), 0, "cpu");
    }

    /** Hub i playing {@code specs[i]}. */
    public static List<HubPolicy> each(String... specs) throws IOException {
        List<String> agents = new ArrayList<>();
        List<String> p = new ArrayList<>();
        for (int i = 0; i < specs.length; i++) {
            agents.add("hub_" + i);
            p.add("hub_" + i + "=" + specs[i]);
        }
        return PolicySpecs.parse(agents, List.of(), p, AgentRegistry.load(), 0, "cpu");
    }

    /** Options for fast tests: {@code replications} draws, the deviation test on, 1,000 bootstrap resamples. */
    public static EvaluationOptions options(int replications, int threads) {
        return EvaluationOptions.builder().optReplications(replications).optThreads(threads).optBootstrapResamples(1000).build();
    }
}
