/**
 * One way to state a mixed-integer linear program ({@link org.hubprice.models.milp.MilpModel})
 * and interchangeable backends that solve it ({@link org.hubprice.models.milp.SolverBackend}),
 * chosen by name through {@link org.hubprice.models.milp.Solvers}: {@code scip} and
 * {@code highs} through OR-Tools (embedded, the default), {@code gurobi} when a licence is
 * found, and {@code auto}. Every {@link org.hubprice.models.milp.SolveResult} carries a
 * {@link org.hubprice.models.milp.TerminationStatus} that is checked before values are read.
 */
package org.hubprice.models.milp;
