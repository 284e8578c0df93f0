/**
 * EV demand and hub choice (docs/model.md section 2): how many charge-seeking EVs arrive each hour
 * ({@link org.hubprice.env.demand.ArrivalModel}), how much energy each one needs
 * ({@link org.hubprice.env.demand.EvEnergyModel}), and how they spread over competing hubs
 * given posted prices and free stations, balk at dear hubs, or are lost
 * ({@link org.hubprice.env.demand.HubChoiceModel}, {@link org.hubprice.env.demand.BalkingCurve}).
 *
 * <p>All parameters live in one validated record, {@link org.hubprice.env.demand.DemandConfig}.
 * Randomness comes only from a caller-supplied {@link java.util.SplittableRandom}, so one seed
 * gives bit-identical draws. The exact Poisson and binomial samplers behind the arrivals are in
 * {@link org.hubprice.env.demand.DiscreteSampling}. The per-step methods allocate nothing.
 */
package org.hubprice.env.demand;
