package org.hubprice.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.hubprice.evaluation.study.StudyPlan;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The options that fix a study's plan; every {@code study} command takes the same ones, so an
 * index names the same task. The study's name comes from the command ({@link Named} as a
 * positional NAME, or the subcommand's own name).
 */
class StudyPlanOptions {
    /** The study's name. */
    String name;

    /** The plan options with the study's NAME as the first positional parameter ({@code study tasks|task|status NAME}). */
    static final class Named extends StudyPlanOptions {
        @Parameters(index = "0", paramLabel = "NAME", description = "The study: paper.")
        void setName(String n) {
            this.name = n;
        }
    }

    @Option(names = "--cells", split = ",", paramLabel = "CELL", description = "Cells to run (default: all eight: the six pairings, no-balking,"
            + " demand+50).")
    List<String> cells;

    @Option(names = "--seeds", paramLabel = "N", description = "Seeds per cell (default: 3 for sac-ff_sac-ff, 2 for the others).")
    Integer seeds;

    @Option(names = "--episodes", defaultValue = "100000", paramLabel = "E", description = "Training episodes per run (default ${DEFAULT-VALUE};"
            + " the paper's is 2000000).")
    long episodes;

    @Option(names = "--replications", defaultValue = "20", paramLabel = "R", description = "Demand draws per held-out day (default ${DEFAULT-VALUE}).")
    int replications;

    @Option(names = "--market", defaultValue = "synthetic", paramLabel = "synthetic|pjm",
            description = "synthetic (the calibrated year, default) or pjm (with --pjm).")
    String market;

    @Option(names = "--pjm", split = ",", paramLabel = "DA.csv,RT.csv", description = "PJM Data Miner exports of pnode 48592 (with --market pjm).")
    List<Path> pjm;

    StudyPlan plan() {
        if (!"paper".equals(name)) {
            throw new IllegalArgumentException("study '" + name + "' is not known; studies: [paper]");
        }
        List<String> files = pjm == null ? List.of() : pjm.stream().map(p -> p.toAbsolutePath().normalize().toString()).toList();
        if (pjm != null && pjm.size() != 2) {
            throw new IllegalArgumentException("--pjm takes two files, DA.csv,RT.csv; got " + pjm);
        }
        return StudyPlan.paper(cells, seeds, episodes, replications, market, files);
    }

    /** The options as arguments, for a child {@code study task}. */
    List<String> args() {
        List<String> a = new java.util.ArrayList<>(List.of(name, "--episodes", Long.toString(episodes), "--replications",
                Integer.toString(replications), "--market", market));
        if (cells != null) {
            a.addAll(List.of("--cells", String.join(",", cells)));
        }
        if (seeds != null) {
            a.addAll(List.of("--seeds", seeds.toString()));
        }
        if (pjm != null) {
            a.addAll(List.of("--pjm", String.join(",", Arrays.asList(pjm.stream().map(p -> p.toAbsolutePath().normalize().toString())
                    .toArray(String[]::new)))));
        }
        return a;
    }
}
