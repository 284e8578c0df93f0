package org.hubprice.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs the CLI in process and keeps its standard output and error. */
final class CliRun {
    final int exitCode;
    final String out;
    final String err;

    private CliRun(int exitCode, String out, String err) {
        this.exitCode = exitCode;
        this.out = out;
        this.err = err;
    }

    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = HubpriceCli.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int rc = cl.execute(args);
        return new CliRun(rc, out.toString(), err.toString());
    }

    /** Standard output as exactly one JSON value. */
    JsonNode json() throws Exception {
        return onlyJson(out);
    }

    /** {@code stdout} as exactly one JSON value, failing when anything follows it. */
    static JsonNode onlyJson(String stdout) throws Exception {
        ObjectMapper m = new ObjectMapper();
        try (JsonParser p = m.getFactory().createParser(stdout)) {
            JsonNode n = m.readTree(p);
            assertEquals(null, p.nextToken(), "stdout holds more than one JSON value: " + stdout);
            return n;
        }
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\nstdout:\n" + out + "\nstderr:\n" + err;
    }
}
