package org.hubprice.training;

/** Why a training run ended. */
public enum StopReason {
    /** {@code stopping.maxEpisodes} reached. */
    MAX_EPISODES("maximum number of episodes reached"),
    /** {@code stopping.maxWallTime} used up (counted across resumes). */
    MAX_WALL_TIME("maximum wall time reached"),
    /** The smoothed reward stopped moving ({@code stopping.plateau}). */
    PLATEAU("the smoothed reward reached a plateau"),
    /** Stopped on request (Ctrl-C, kill): the last checkpoint lets {@code --resume} continue. */
    INTERRUPTED("interrupted; resume with --resume");

    private final String text;

    StopReason(String text) {
        this.text = text;
    }

    /** A sentence for logs and the summary. */
    public String text() {
        return text;
    }
}
