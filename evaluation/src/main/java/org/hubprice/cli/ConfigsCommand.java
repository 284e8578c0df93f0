package org.hubprice.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.hubprice.training.config.TrainingConfigs;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code hubprice configs}: the named training configurations. */
@Command(name = "configs", mixinStandardHelpOptions = true,
        description = {"Lists the named training configurations (use one with 'hubprice train --config NAME').",
            "With --show NAME, prints that configuration fully resolved, as YAML: a starting point for your own file."})
final class ConfigsCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--show", paramLabel = "NAME", description = "Print the resolved YAML of this named config (or file).")
    String show;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "With --show: an override, as for 'train' (repeatable).")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        if (show != null) {
            var config = TrainingConfigs.resolve(show, overrides);
            out.print(json ? mapper.writeValueAsString(config.toMap()) + "\n" : config.toYaml());
            out.flush();
            return 0;
        }
        List<TrainingConfigs.Named> named = TrainingConfigs.named();
        if (json) {
            List<Map<String, Object>> list = new ArrayList<>();
            for (TrainingConfigs.Named n : named) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("name", n.name());
                m.put("description", n.description());
                list.add(m);
            }
            out.println(mapper.writeValueAsString(Map.of("configs", list)));
        } else {
            int w = named.stream().mapToInt(n -> n.name().length()).max().orElse(4);
            for (TrainingConfigs.Named n : named) {
                out.printf("%-" + w + "s  %s%n", n.name(), n.description());
            }
            out.println();
            out.println("Train one:   hubprice train --config NAME --out runs/NAME   (add --set key=value to change a setting)");
            out.println("Inspect one: hubprice configs --show NAME");
        }
        out.flush();
        return 0;
    }
}
