package org.hubprice.models.milp;

/** The domain of a decision variable. */
public enum VarType {
    /** Any real number within the bounds. */
    CONTINUOUS,
    /** Any integer within the bounds. */
    INTEGER,
    /** 0 or 1. */
    BINARY
}
