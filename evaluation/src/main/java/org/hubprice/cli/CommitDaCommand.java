package org.hubprice.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.hubprice.models.dacommit.DaCommitmentConfig;
import org.hubprice.models.dacommit.DaCommitmentRunner;
import org.hubprice.models.dacommit.DayProfile;
import org.hubprice.models.dacommit.DayProfileCsv;
import org.hubprice.models.dacommit.SyntheticDays;
import org.hubprice.models.milp.SolveOptions;
import org.hubprice.models.milp.Solvers;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hubprice commit-da}: solves the day-ahead commitment (MODEL.md section 4) and saves it. */
@Command(name = "commit-da", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Solves the day-ahead commitment (MODEL.md section 4): reduces the training days to k scenarios "
                + "by k-means, solves the two-stage stochastic MILP, prints the 24 hourly commitments and saves "
                + "commitment.csv and commitment.json into --out."},
        footer = {"", "Days CSV format (--days): a header line",
            "  date,da_0,...,da_23,rt_0,...,rt_23,load_0,...,load_23",
            "then one row per day: an ISO date (yyyy-mm-dd, unique), 24 day-ahead prices and 24 real-time prices in",
            "$/MWh (any finite number), and 24 expected hub loads in kWh (>= 0). Blank lines and lines starting",
            "with # are ignored. A bad row is reported with its line number, column and value.",
            "", "Example: hubprice commit-da --synthetic 120 --seed 1"})
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
    }

    @Option(names = "--k", defaultValue = "10", description = "Number of scenarios (default: ${DEFAULT-VALUE}).")
    int k;

    @Option(names = "--solver", defaultValue = "auto",
            description = "MILP solver: auto, scip, highs or gurobi (default: ${DEFAULT-VALUE}; auto = gurobi when licensed, else scip).")
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
        DaCommitmentRunner.Outcome o = new DaCommitmentRunner(cfg, Solvers.byName(solver)).run(days, from);
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
