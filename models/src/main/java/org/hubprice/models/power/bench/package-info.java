/**
 * Reusable pieces of the {@code hubprice bench dispatch} benchmark: a seeded generator of
 * power-management instances that covers every regime of the section-3 MILP
 * ({@link org.hubprice.models.power.bench.DispatchInstances}) and a timer that runs two
 * dispatchers on the same instances in one run ({@link org.hubprice.models.power.bench.DispatchBenchmark}).
 * They live in {@code models} so that tests can exercise them quickly with small sizes; the CLI
 * command only parses options and prints.
 */
package org.hubprice.models.power.bench;
