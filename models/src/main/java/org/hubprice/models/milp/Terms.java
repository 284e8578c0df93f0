package org.hubprice.models.milp;

import java.util.Arrays;

/**
 * The terms of a {@link LinearExpr} with repeated variables summed, zero sums dropped and
 * columns in ascending order: the form every backend hands to its solver (OR-Tools'
 * {@code setCoefficient} and proto rows would otherwise overwrite or reject duplicates).
 *
 * @param vars column indices, ascending, distinct
 * @param coefs the summed coefficient of each column, non-zero
 */
record Terms(int[] vars, double[] coefs) {
    static Terms of(LinearExpr e) {
        int n = e.size();
        int[] order = new int[n];
        for (int k = 0; k < n; k++) {
            order[k] = k;
        }
        // Sort term positions by column, stable so that sums are added in the written order.
        Integer[] boxed = Arrays.stream(order).boxed().toArray(Integer[]::new);
        Arrays.sort(boxed, (a, b) -> Integer.compare(e.variableAt(a), e.variableAt(b)));
        int[] vars = new int[n];
        double[] coefs = new double[n];
        int m = 0;
        int k = 0;
        while (k < n) {
            int j = e.variableAt(boxed[k]);
            double sum = 0;
            while (k < n && e.variableAt(boxed[k]) == j) {
                sum += e.coefficientAt(boxed[k]);
                k++;
            }
            if (sum != 0) {
                vars[m] = j;
                coefs[m] = sum;
                m++;
            }
        }
        return new Terms(Arrays.copyOf(vars, m), Arrays.copyOf(coefs, m));
    }

    int size() {
        return vars.length;
    }
}
