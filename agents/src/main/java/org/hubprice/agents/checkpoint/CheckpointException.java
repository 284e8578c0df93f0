package org.hubprice.agents.checkpoint;

import java.nio.file.Path;

/**
 * A checkpoint that cannot be used: a file is missing, truncated, damaged or does not match its
 * recorded SHA-256. The message is one line that names the file, says what is wrong and what to
 * do; it is bad input (an {@link IllegalArgumentException}), so the command line prints it as one
 * {@code error:} line with exit code 2.
 */
public final class CheckpointException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    /** What to do, appended to every message. */
    static final String ADVICE = "Maybe use another checkpoint of the run (checkpoints/last, final or best) or train again";

    private final transient Path file;

    /**
     * @param file the file that is wrong
     * @param problem what is wrong with it, e.g. "is truncated"
     */
    public CheckpointException(Path file, String problem, Throwable cause) {
        super("checkpoint file " + file + " " + problem + ". " + ADVICE, cause);
        this.file = file;
    }

    /** The file named in the message. */
    public Path file() {
        return file;
    }
}
