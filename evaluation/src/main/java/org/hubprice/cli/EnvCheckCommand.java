package org.hubprice.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.hubprice.common.Provenance;
import org.hubprice.env.config.EnvConfig;
import org.hubprice.env.data.MarketDay;
import org.hubprice.env.game.DaCommitments;
import org.hubprice.env.game.EnvCheck;
import org.hubprice.env.game.HubPricingEnv;
import org.hubprice.env.game.MarketSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code hubprice env-check}: plays a few held-out days with fixed markups and checks the invariants. */
@Command(name = "env-check", mixinStandardHelpOptions = true,
        description = {"Plays a few held-out days of the hub pricing game with fixed-markup policies (every hub at the same",
            "multiplier) and prints each hub's daily profit, EVs served and balked, and the invariant checks",
            "(energy balance, battery within limits, EVs conserved, no hub above its stations, all finite).",
            "Exit code 1 when an invariant fails."})
final class EnvCheckCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    EnvConfigOptions envOptions = new EnvConfigOptions();

    @Option(names = "--days", defaultValue = "3", paramLabel = "N", description = "Held-out days per markup (default ${DEFAULT-VALUE}).")
    int days;

    @Option(names = "--markup", split = ",", defaultValue = "1.0,1.5,2.0", paramLabel = "A,B,...",
            description = "Multipliers to play, each inside the action range (default ${DEFAULT-VALUE}).")
    List<Double> markups;

    @Option(names = "--seed", defaultValue = "0", description = "Reset seed shared by every markup and day (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--json", description = "Print one JSON object instead of the table.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (days < 1) {
            throw new IllegalArgumentException("--days = " + days + " must be >= 1");
        }
        EnvConfig config = envOptions.load();
        for (double m : markups) {
            if (!(m >= config.pricing().minMultiplier() && m <= config.pricing().maxMultiplier())) {
                throw new IllegalArgumentException("--markup " + m + " is outside the action range [" + config.pricing().minMultiplier() + ", "
                        + config.pricing().maxMultiplier() + "] (pricing.minMultiplier, pricing.maxMultiplier)");
            }
        }
        List<MarketDay> marketDays = MarketSource.load(config.market());
        // One commitment per hub: heterogeneous hubs (hubs.stationsPerHub) may each have their own.
        List<DaCommitments.Resolved> coms = DaCommitments.resolvePerHubDetailed(config, marketDays, config.daCommitment().cachePath());
        double[][] perHub = new double[coms.size()][];
        for (int i = 0; i < perHub.length; i++) {
            perHub[i] = coms.get(i).commitment();
        }
        DaCommitments.Resolved com = coms.get(0);
        HubPricingEnv env = HubPricingEnv.builder().setConfig(config).optDays(marketDays).optCommitments(perHub).build();
        EnvCheck.Report report = EnvCheck.run(env, markups, days, seed);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("ok", report.ok());
            m.put("hubs", env.hubCount());
            m.put("stations", config.hubs().stations());
            m.put("stationsPerHub", config.hubs().stationsArray());
            m.put("days", marketDays.size());
            m.put("trainingDays", env.split().trainingCount());
            m.put("testDays", env.split().testCount());
            m.put("dispatcher", env.hub(0).dispatcher().name());
            m.put("commitmentSource", com.source());
            m.put("commitment", com.commitment());
            m.put("commitments", perHub);
            m.put("seed", seed);
            m.put("results", report.days());
            m.put("steps", report.steps());
            m.put("violations", report.violations());
            m.put("firstViolation", report.firstViolation());
            m.put("configDigest", config.digest());
            m.put("provenance", Provenance.collect());
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(m));
        } else {
            printTable(out, config, env, coms, report);
        }
        out.flush();
        return report.ok() ? 0 : 1;
    }

    private void printTable(PrintWriter out, EnvConfig config, HubPricingEnv env, List<DaCommitments.Resolved> coms,
                            EnvCheck.Report report) {
        List<MarketDay> d = env.days();
        String stations = config.hubs().identicalStations() ? Integer.toString(config.hubs().stations())
                : java.util.Arrays.toString(config.hubs().stationsArray());
        out.printf(Locale.ROOT, "hubprice env-check: %d hubs x %s stations, %s market %s .. %s (%d days: %d training, %d held out), dispatcher %s%n",
                env.hubCount(), stations, config.market().source(), d.get(0).date(), d.get(d.size() - 1).date(), d.size(),
                env.split().trainingCount(), env.split().testCount(), env.hub(0).dispatcher().name());
        for (int i = 0; i < coms.size(); i++) {
            DaCommitments.Resolved com = coms.get(i);
            if (i > 0 && com == coms.get(i - 1)) {
                continue;
            }
            double total = 0;
            for (double c : com.commitment()) {
                total += c;
            }
            // Hubs that share a solve share one line.
            int last = i;
            while (last + 1 < coms.size() && coms.get(last + 1) == com) {
                last++;
            }
            String who = coms.size() == 1 || (i == 0 && last == coms.size() - 1) ? ""
                    : " (" + (i == last ? "hub_" + i : "hub_" + i + "..hub_" + last) + ")";
            out.printf(Locale.ROOT, "DA commitment%s: %s%s, %.0f kWh over the day%n", who, com.source(),
                    com.file() != null ? " (" + com.file() + ")" : "", total);
        }
        out.printf(Locale.ROOT, "Fixed-markup policies on %d held-out day(s), seed %d, battery start %.0f kWh at %.2f $/MWh%n%n",
                report.days().size() / markups.size(), seed, config.hubs().evaluationStart().energyKwh(),
                config.hubs().evaluationStart().costBasis());
        out.printf(Locale.ROOT, "%6s  %-10s  %5s  %4s  %-6s  %11s  %6s  %6s  %10s  %11s  %10s%n", "markup", "day", "EVs", "lost", "hub",
                "profit $", "served", "balked", "load kWh", "price $/MWh", "cost $/MWh");
        for (EnvCheck.MarkupDay md : report.days()) {
            boolean first = true;
            for (EnvCheck.HubDay h : md.hubs()) {
                out.printf(Locale.ROOT, "%6s  %-10s  %5s  %4s  %-6s  %11.2f  %6d  %6d  %10.1f  %11.2f  %10.2f%n",
                        first ? String.format(Locale.ROOT, "%.2f", md.markup()) : "", first ? md.date() : "",
                        first ? Integer.toString(md.arrivals()) : "", first ? Integer.toString(md.lost()) : "", h.agent(), h.profit(),
                        h.served(), h.balked(), h.loadKwh(), h.meanPrice(), h.unitCost());
                first = false;
            }
        }
        out.printf(Locale.ROOT, "%nInvariants over %d steps:%n", report.steps());
        for (Map.Entry<String, Long> e : report.violations().entrySet()) {
            out.printf(Locale.ROOT, "  %-20s %s%n", e.getKey(), e.getValue() == 0 ? "ok" : e.getValue() + " violations");
        }
        out.println(report.ok() ? "All invariants hold." : "FAILED: " + report.firstViolation());
    }
}
