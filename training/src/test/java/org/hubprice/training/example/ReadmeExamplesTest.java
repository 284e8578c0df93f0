package org.hubprice.training.example;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The examples printed in {@code agents/README.md} are the compiled and tested classes, to the
 * letter: the text between {@code // example:begin} and {@code // example:end} of each class
 * must stand in the README, and within the limits (a fixed policy in at most 15 lines,
 * a learner in at most 40).
 */
class ReadmeExamplesTest {
    private static final Path ROOT = Path.of("..");

    static String example(Path source) throws IOException {
        String text = Files.readString(source);
        int begin = text.indexOf("// example:begin\n");
        int end = text.indexOf("// example:end", Math.max(begin, 0));
        assertTrue(begin >= 0 && end > begin, source + " has no example:begin/end markers");
        return text.substring(begin + "// example:begin\n".length(), end);
    }

    private static void check(Path source, int maxLines) throws IOException {
        String readme = Files.readString(ROOT.resolve("agents/README.md"));
        String code = example(ROOT.resolve(source));
        assertTrue(readme.contains("```java\n" + code + "```"), "agents/README.md does not show " + source + " as it is; copy the text between"
                + " its example markers into the README");
        long lines = code.lines().count();
        assertTrue(lines <= maxLines, source + ": " + lines + " lines, the limit is " + maxLines);
    }

    @Test
    void theFixedPolicyExampleIsTheCompiledOneAndAtMost15Lines() throws IOException {
        check(Path.of("agents/src/test/java/org/hubprice/agents/example/MidpointAgentFactory.java"), 15);
    }

    @Test
    void theLearnerExampleIsTheCompiledOneAndAtMost40Lines() throws IOException {
        check(Path.of("training/src/test/java/org/hubprice/training/example/PriceBandit.java"), 40);
    }
}
