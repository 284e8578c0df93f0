package org.hubprice.evaluation.study;

import static org.hubprice.evaluation.study.StudyReport.f;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.hubprice.evaluation.stats.WelchTest;

/** The sections of the results page, each from the summaries alone. */
final class StudyText {
    private StudyText() {}

    static String setting(StudyReport r) {
        TreeSet<String> markets = new TreeSet<>();
        TreeSet<Long> budgets = new TreeSet<>();
        TreeSet<String> eval = new TreeSet<>();
        TreeSet<String> commits = new TreeSet<>();
        for (CellResult c : r.cellResults()) {
            for (JsonNode n : c.runs()) {
                markets.add(n.path("market").asText());
                budgets.add(n.path("budgetEpisodes").asLong());
                eval.add(n.path("heldOut").path("days").asInt() + " held-out days x " + n.path("heldOut").path("replications").asInt()
                        + " demand replications");
                commits.add(n.path("machine").path("gitCommit").asText());
            }
        }
        StringBuilder sb = new StringBuilder("## Setting\n\n");
        sb.append("- Runs: ").append(r.runs()).append(" in ").append(r.cells()).append(" of the paper's ").append(Cell.PAPER.size())
                .append(" cells.\n");
        sb.append("- Market data: ").append(markets.contains("pjm") ? "PJM pnode 48592 (Data Miner exports)" : "")
                .append(markets.contains("synthetic") ? (markets.contains("pjm") ? " and " : "")
                        + "the synthetic year calibrated to PJM pnode 48592 (the PJM files are not in the repository)" : "")
                .append(", on the paper's train/test split.\n");
        sb.append("- Training budget per run: ").append(join(budgets)).append(" episodes (the paper trains ").append(StudyReport.PAPER_EPISODES)
                .append("), reference schedule (2 gradient steps per hub and episode after 15).\n");
        sb.append("- Evaluation: ").append(String.join("; ", eval)).append(", common random numbers, learned policies acting deterministically;"
                + " best responses to frozen rivals on the same draws.\n");
        sb.append("- Convergence: ").append(RunSummary.RULE).append(". A cell with a run that fails the rule is marked NOT CONVERGED in every"
                + " table: its numbers describe a policy still learning, not a converged outcome.\n");
        sb.append("- Code: git commit(s) ").append(join(commits)).append(".\n\n");
        return sb.toString();
    }

    static String cellTable(StudyReport r) {
        StringBuilder sb = new StringBuilder("## Per cell\n\n");
        sb.append("Median Δ over every held-out day of every seed, with a two-level bootstrap 95 % interval (seeds, then days within seeds);"
                + " Δ^N against the stage-game Nash benchmark (median per run, mean over runs); markup = price / unit cost of the power"
                + " served; exploitability = what the better hourly best response to the frozen rival gains, in % of the learned profit"
                + " on the evaluation's own draws (the larger of the two hubs, mean over runs; the next section has it on fresh draws). Means over runs unless said.\n\n");
        sb.append("| cell | runs | episodes | converged | median Δ [95 % CI] | paper | Δ^N | markup | price $/MWh | gap $/MWh | balked EVs/day |"
                + " exploitability % (in sample) | status |\n");
        sb.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (CellResult c : r.cellResults()) {
            double[] d = c.medianDelta();
            sb.append("| ").append(c.cell().id()).append(" | ").append(c.runs().size()).append(" | ").append(c.episodes()).append(" | ")
                    .append(c.converged()).append("/").append(c.runs().size()).append(" | ").append(f(d[0], 3)).append(" [").append(f(d[1], 3))
                    .append(", ").append(f(d[2], 3)).append("] | ").append(c.cell().paperNote()).append(" | ").append(f(c.mean("deltaNash/median"), 3))
                    .append(" | ").append(f(c.mean("markup"), 3)).append(" | ").append(f(c.meanPrice(), 2)).append(" | ")
                    .append(f(c.mean("meanPriceGap"), 2)).append(" | ").append(f(c.mean("balkedPerDay"), 1)).append(" | ")
                    .append(f(c.exploitability(), 1)).append(" | ").append(c.allConverged() ? "converged" : "NOT CONVERGED").append(" |\n");
        }
        return sb.append('\n').toString();
    }

    static String tableOne(StudyReport r) {
        StringBuilder sb = new StringBuilder("## The paper's Table 1 tests\n\n");
        sb.append("Welch t-tests on per-day values pooled over the seeds and cells of each group (SAC: both hubs SAC; DQN: both DQN; FF: "
                + "sac-ff_sac-ff and dqn-ff_dqn-ff; MHA: sac-mha_sac-mha and dqn-mha_dqn-mha; baseline demand model only). A sample is one"
                + " held-out day of one run; days of one run are correlated and the same days recur in every run (common random numbers),"
                + " so these p-values are smaller than a test with runs as the unit would give: read them as the paper's test repeated,"
                + " not as independent evidence.\n\n");
        sb.append("| test | n (A, B) | mean A | mean B | t | df | p | paper |\n|---|---|---|---|---|---|---|---|\n");
        row(sb, "SAC prices above DQN (average price, one-sided)", r.welch(c -> c.allSac() && c.variant().equals("baseline"),
                c -> c.allDqn(), "meanPrice", WelchTest.Alternative.GREATER), "SAC > DQN, p ≈ 1.4e-4");
        row(sb, "FF vs MHA average price (two-sided)", r.welch(StudyText::ff, StudyText::mha, "meanPrice", WelchTest.Alternative.TWO_SIDED),
                "no difference, p ≈ 0.40");
        row(sb, "MHA spreads the hubs' prices (price gap MHA > FF, one-sided)", r.welch(StudyText::mha, StudyText::ff, "priceGap",
                WelchTest.Alternative.GREATER), "MHA spreads prices apart");
        return sb.append('\n').toString();
    }

    static boolean ff(Cell c) {
        return c.variant().equals("baseline") && c.allFf() && (c.allSac() || c.allDqn());
    }

    static boolean mha(Cell c) {
        return c.variant().equals("baseline") && c.allMha() && (c.allSac() || c.allDqn());
    }

    private static void row(StringBuilder sb, String name, WelchTest t, String paper) {
        if (t == null) {
            sb.append("| ").append(name).append(" | not testable yet: a group has no runs | | | | | | ").append(paper).append(" |\n");
            return;
        }
        sb.append("| ").append(name).append(" | ").append(t.nA()).append(", ").append(t.nB()).append(" | ").append(f(t.meanA(), 2)).append(" | ")
                .append(f(t.meanB(), 2)).append(" | ").append(f(t.t(), 2)).append(" | ").append(f(t.df(), 1)).append(" | ")
                .append(t.p() < 1e-4 ? String.format(java.util.Locale.ROOT, "%.1e", t.p()) : f(t.p(), 4)).append(" | ").append(paper).append(" |\n");
    }

    static String findings(StudyReport r) {
        StringBuilder sb = new StringBuilder("## The paper's qualitative findings, tested on ours\n\n");
        List<String> missing = new ArrayList<>();
        boolean allIn = true;
        StringBuilder cells = new StringBuilder();
        for (CellResult c : r.cellResults()) {
            double m = c.medianDelta()[0];
            allIn &= m > 0 && m < 1;
            cells.append(cells.length() > 0 ? ", " : "").append(c.cell().id()).append(' ').append(f(m, 3));
        }
        finding(sb, "Δ strictly between 0 and 1 in every cell", r.cells() == 0 ? null : allIn, "medians " + cells, caveat(r, Cell.ids()));
        CellResult base = r.cell("sac-ff_sac-ff");
        CellResult nob = r.cell("no-balking");
        CellResult dem = r.cell("demand+50");
        if (base == null || nob == null) {
            finding(sb, "no balking raises Δ above the baseline", null, "needs sac-ff_sac-ff and no-balking", "");
        } else {
            finding(sb, "no balking raises Δ above the baseline", nob.medianDelta()[0] > base.medianDelta()[0], "no-balking "
                    + f(nob.medianDelta()[0], 3) + " vs baseline " + f(base.medianDelta()[0], 3), caveat(r, List.of("sac-ff_sac-ff", "no-balking")));
        }
        if (base == null || nob == null || dem == null) {
            finding(sb, "+50 % demand puts Δ between the baseline and no balking", null, "needs sac-ff_sac-ff, no-balking and demand+50", "");
        } else {
            double lo = Math.min(base.medianDelta()[0], nob.medianDelta()[0]);
            double hi = Math.max(base.medianDelta()[0], nob.medianDelta()[0]);
            double d = dem.medianDelta()[0];
            finding(sb, "+50 % demand puts Δ between the baseline and no balking", d > lo && d < hi, "demand+50 " + f(d, 3),
                    caveat(r, List.of("sac-ff_sac-ff", "no-balking", "demand+50")));
        }
        WelchTest sac = r.welch(c -> c.allSac() && c.variant().equals("baseline"), Cell::allDqn, "meanPrice", WelchTest.Alternative.GREATER);
        finding(sb, "SAC pairings price above DQN pairings (5 % level)", sac == null ? null : sac.p() < 0.05,
                sac == null ? "needs SAC and DQN pairings" : "p = " + f(sac.p(), 4), caveat(r, Cell.ids()));
        WelchTest gap = r.welch(StudyText::mha, StudyText::ff, "priceGap", WelchTest.Alternative.GREATER);
        finding(sb, "MHA spreads the hubs' prices apart (5 % level)", gap == null ? null : gap.p() < 0.05,
                gap == null ? "needs FF and MHA pairings" : "p = " + f(gap.p(), 4), caveat(r, Cell.ids()));
        return sb.append('\n').toString();
    }

    private static String caveat(StudyReport r, List<String> ids) {
        List<String> not = new ArrayList<>();
        for (CellResult c : r.cellResults()) {
            if (ids.contains(c.cell().id()) && !c.allConverged()) {
                not.add(c.cell().id());
            }
        }
        return not.isEmpty() ? "" : " (from cells not converged: " + String.join(", ", not) + ")";
    }

    private static void finding(StringBuilder sb, String what, Boolean holds, String evidence, String caveat) {
        sb.append("- ").append(what).append(": **").append(holds == null ? "not testable yet" : holds ? "holds" : "does not hold").append("**; ")
                .append(evidence).append(caveat).append(".\n");
    }

    static String differences(StudyReport r) {
        return StudyGaps.text(r);
    }

    static String budget(StudyReport r) {
        StringBuilder sb = new StringBuilder("## What the paper's budget costs here\n\n");
        sb.append("Measured training cost (core-seconds: wall time times the cores a run kept busy, one engine thread per operation, CPU) times"
                + " the paper's episodes: 2,000,000 per run for pairings with SAC, 1,000,000 for the DQN-only ones (the named configurations'"
                + " budgets). A run whose hubs updated side by side kept two cores busy: it finished sooner, and both cores count here. No GPU"
                + " has been lent to this project's sessions, so there is no GPU figure.\n\n");
        sb.append("| cell | core-s per 1,000 episodes | paper episodes | core-hours per run | runs here | core-hours for those seeds |\n"
                + "|---|---|---|---|---|---|\n");
        double total = 0;
        for (CellResult c : r.cellResults()) {
            long ep = c.cell().allDqn() ? StudyReport.PAPER_EPISODES / 2 : StudyReport.PAPER_EPISODES;
            double perRun = c.coreSecondsPer1000Episodes() * ep / 1000 / 3600;
            total += perRun * c.runs().size();
            sb.append("| ").append(c.cell().id()).append(" | ").append(f(c.coreSecondsPer1000Episodes(), 1)).append(" | ").append(ep).append(" | ")
                    .append(f(perRun, 1)).append(" | ").append(c.runs().size()).append(" | ").append(f(perRun * c.runs().size(), 1)).append(" |\n");
        }
        sb.append("\nIn all ").append(f(total, 0)).append(" core-hours, about ").append(f(total / 2 / 24, 1))
                .append(" days on a 2-core machine kept busy.\n\n");
        return sb.toString();
    }

    static String curves(StudyReport r) {
        StringBuilder sb = new StringBuilder("## Learning curves\n\n");
        sb.append("The quick collusion index on the validation days (training days; all hubs at the cap as the monopoly proxy) at quarters of"
                + " the budget, mean over runs; `results.html` draws every run.\n\n");
        sb.append("| cell | 25 % | 50 % | 75 % | 100 % | change over the last 20 % of passes (mean) |\n|---|---|---|---|---|---|\n");
        for (CellResult c : r.cellResults()) {
            sb.append("| ").append(c.cell().id());
            for (double q : new double[] {0.25, 0.5, 0.75, 1.0}) {
                sb.append(" | ").append(f(StudyGaps.curveAt(c, q), 3));
            }
            sb.append(" | ").append(f(StudyGaps.tailChange(c), 3)).append(" |\n");
        }
        return sb.append('\n').toString();
    }

    private static String join(java.util.Collection<?> v) {
        List<String> s = new ArrayList<>();
        for (Object o : v) {
            s.add(String.valueOf(o));
        }
        return String.join(", ", s);
    }
}
