package org.hubprice.cli;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/** A {@code hubprice} command in a child JVM with this JVM's settings (heap, system properties, class path). */
final class ChildJvm {
    private ChildJvm() {}

    /** The command line that runs {@code hubprice ARGS...} in a new JVM like this one. */
    static List<String> command(List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (!a.startsWith("-agentlib") && !a.startsWith("-javaagent")) {
                cmd.add(a);
            }
        }
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(HubpriceCli.class.getName());
        cmd.addAll(args);
        return cmd;
    }
}
