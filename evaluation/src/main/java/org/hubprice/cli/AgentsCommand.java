package org.hubprice.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.hubprice.agents.AgentFactory;
import org.hubprice.agents.AgentRegistry;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code hubprice agents}: the agent names the registry knows. */
@Command(name = "agents", mixinStandardHelpOptions = true,
        description = {"Lists the registered agents (built-in and any on the class path through",
            "META-INF/services/org.hubprice.agents.AgentFactory). Use a name in a config: agents: [{agent: NAME}]."})
final class AgentsCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        List<AgentFactory> factories = new ArrayList<>(AgentRegistry.load().factories());
        factories.sort(Comparator.comparing(AgentFactory::name));
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            List<Map<String, Object>> list = new ArrayList<>();
            for (AgentFactory f : factories) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("name", f.name());
                m.put("aliases", f.aliases());
                m.put("description", f.description());
                m.put("class", f.getClass().getName());
                list.add(m);
            }
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(Map.of("agents", list)));
        } else {
            int w = factories.stream().mapToInt(f -> f.name().length()).max().orElse(4);
            for (AgentFactory f : factories) {
                out.printf("%-" + w + "s  %s%s%n", f.name(), f.description(), f.aliases().isEmpty() ? "" : " (also: " + String.join(", ", f.aliases()) + ")");
            }
        }
        out.flush();
        return 0;
    }
}
