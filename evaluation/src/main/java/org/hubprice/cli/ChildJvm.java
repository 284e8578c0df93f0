package org.hubprice.cli;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code hubprice} command in a child JVM with this JVM's settings (system properties, class
 * path), except the heap: each child gets {@code -Dhubprice.child.xmx} (default 2g), since one
 * training run needs far less than the launcher's default and one child runs per core.
 */
final class ChildJvm {
    private ChildJvm() {}

    /** The command line that runs {@code hubprice ARGS...} in a new JVM like this one. */
    static List<String> command(List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (!a.startsWith("-agentlib") && !a.startsWith("-javaagent") && !a.startsWith("-Xmx")) {
                cmd.add(a);
            }
        }
        cmd.add("-Xmx" + System.getProperty("hubprice.child.xmx", "2g"));
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(HubpriceCli.class.getName());
        cmd.addAll(args);
        return cmd;
    }
}
