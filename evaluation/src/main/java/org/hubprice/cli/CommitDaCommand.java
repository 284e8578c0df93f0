package org.hubprice.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.hubprice.env.config.EnvConfig;
import org.hubprice.env.data.MarketDay;
import org.hubprice.env.game.DaCommitments;
import org.hubprice.env.game.MarketSource;
import org.hubprice.models.dacommit.DaCommitmentConfig;
import org.hubprice.models.dacommit.DaCommitmentRunner;
import org.hubprice.models.dacommit.DayProfile;
import org.hubprice.models.dacommit.DayProfileCsv;
import org.hubprice.models.dacommit.SyntheticDays;
import org.hubprice.models.milp.SolveOptions;
import org.hubprice.models.milp.Solvers;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hubprice commit-da}: solves the day-ahead commitment (docs/model.md section 4) and saves it. */
@Command(name = "commit-da", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Solves the day-ahead commitment (docs/model.md section 4): reduces the training days to k scenarios "
                + "by k-means, solves the two-stage stochastic MILP, prints the 24 hourly commitments and saves "
                + "commitment.csv and commitment.json into --out."},
        footer = {"", "Days CSV format (--days): a header line",
            "  date,da_0,...,da_23,rt_0,...,rt_23,load_0,...,load_23",
            "then one row per day: an ISO date (yyyy-mm-dd, unique), 24 day-ahead and",
            "24 real-time prices in $/MWh (any finite number), and 24 expected hub loads",
            "in kWh (>= 0). Blank lines and lines starting with # are ignored. A bad row",
            "is reported with its line number, column and value.",
            "", "Examples: hubprice commit-da --synthetic 120 --seed 1",
            "          hubprice commit-da --env --set market.source=pjm --set market.pjm.dayAheadFile=da.csv \\",
            "                    --set market.pjm.realTimeFile=rt.csv"})
final class CommitDaCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    static final class Source {
        @Option(names = "--days", paramLabel = "FILE.csv", required = true, description = "Training days as CSV (format below).")
        Path days;

        @Option(names = "--synthetic", paramLabel = "N", required = true,
                description = "Draw N simple random training days from --seed instead (SyntheticDays).")
        Integer synthetic;

        @Option(names = "--env", required = true,
                description = "Use the training days of the environment configuration (--config FILE, --set KEY=VALUE): "
                        + "its market data, split, expected hub load and daCommitment.* settings; --k, --seed and --time-limit "
                        + "are then taken from daCommitment.scenarios, .seed and .timeLimitSeconds, and --solver from power.solver "
                        + "unless given.")
        boolean env;
    }

    @Option(names = "--k", defaultValue = "10", description = "Number of scenarios (default: ${DEFAULT-VALUE}).")
    int k;

    @Mixin
    EnvConfigOptions envOptions = new EnvConfigOptions();

    @Option(names = "--solver",
            description = "MILP solver: auto, scip, highs or gurobi (default: auto = gurobi when licensed, else scip; "
                    + "with --env: power.solver).")
    String solver;

    @Option(names = "--seed", defaultValue = "1", description = "Root seed of the synthetic days and the k-means initialisation (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--time-limit", paramLabel = "SECONDS", defaultValue = "300",
            description = "Solver time limit in seconds (default: ${DEFAULT-VALUE}).")
    double timeLimit;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "runs/commit-da",
            description = "Folder for commitment.csv and commitment.json (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--json", description = "Print one JSON object instead of the table.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (!source.env && (envOptions.config != null || !envOptions.overrides.isEmpty())) {
            throw new IllegalArgumentException("--config and --set describe an environment configuration; add --env to take the "
                    + "training days from it (or drop them when using --days or --synthetic)");
        }
        if (source.env) {
            EnvConfig envConfig = envOptions.load();
            List<MarketDay> marketDays = MarketSource.load(envConfig.market());
            List<DayProfile> profiles = DaCommitments.trainingProfiles(envConfig, marketDays);
            String solverName = solver != null ? solver : envConfig.power().solver();
            return finish(new DaCommitmentRunner(DaCommitments.modelConfig(envConfig), Solvers.byName(solverName))
                    .run(profiles, "environment configuration " + (envOptions.config != null ? envOptions.config : "(defaults)")
                            + (envOptions.overrides.isEmpty() ? "" : " with " + envOptions.overrides)));
        }
        DaCommitmentConfig cfg = DaCommitmentConfig.builder().optScenarios(k).optSeed(seed)
                .optSolveOptions(SolveOptions.DEFAULT.withTimeLimit(timeLimit)).build();
        List<DayProfile> days;
        String from;
        if (source.days != null) {
            days = DayProfileCsv.read(source.days);
            from = "file " + source.days;
        } else {
            days = SyntheticDays.generate(source.synthetic, seed);
            from = "synthetic N=" + source.synthetic + " seed=" + seed;
        }
        return finish(new DaCommitmentRunner(cfg, Solvers.byName(solver != null ? solver : "auto")).run(days, from));
    }

    private int finish(DaCommitmentRunner.Outcome o) throws java.io.IOException {
        o.save(out);
        PrintWriter w = spec.commandLine().getOut();
        if (json) {
            w.println(new ObjectMapper().writeValueAsString(o.toJson()));
        } else {
            w.print(o.toTable());
            w.println("saved " + out.resolve(DaCommitmentRunner.CSV_FILE) + " and " + out.resolve(DaCommitmentRunner.JSON_FILE));
        }
        w.flush();
        return 0;
    }
}
