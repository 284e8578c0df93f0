package org.hubprice.models.milp;

/** Direction of optimisation. */
public enum Sense {
    MINIMIZE,
    MAXIMIZE
}
