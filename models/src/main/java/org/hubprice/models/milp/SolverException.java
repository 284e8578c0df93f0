package org.hubprice.models.milp;

/** A solver could not be created, failed, or its result was read when not optimal. */
public class SolverException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SolverException(String message) {
        super(message);
    }

    public SolverException(String message, Throwable cause) {
        super(message, cause);
    }
}
