/**
 * The hub pricing game of docs/model.md as a multi-agent environment, built on
 * {@link org.hubprice.env.api}.
 *
 * <ul>
 *   <li>{@link org.hubprice.env.game.HubPricingEnv}: the game as a
 *       {@link org.hubprice.env.api.ParallelEnv}. Agents {@code hub_0 .. hub_{H-1}} post price
 *       multipliers each hour of a day; the EVs choose hubs ({@link org.hubprice.env.demand});
 *       each {@link org.hubprice.env.hub.Hub}, with its own stations and DA commitment, manages
 *       its power and earns the period's profit. It has a map-based API and an allocation-free
 *       fast path ({@code resetFast}, {@code stepFast}).</li>
 *   <li>{@link org.hubprice.env.game.DaCommitments}: the day-ahead commitment, given explicitly
 *       or solved once from the training days with the two-stage stochastic MILP of docs/model.md
 *       section 4 (one solve per distinct expected hub load) and cached on disk by a digest of
 *       its inputs.</li>
 *   <li>{@link org.hubprice.env.game.ObservationScaling}: the fixed scaling of observations,
 *       stored with checkpoints; {@link org.hubprice.env.game.DiscretePriceActions}: a discrete
 *       action view; {@link org.hubprice.env.game.ResetOptions}: training and evaluation resets.</li>
 *   <li>{@link org.hubprice.env.game.DaySplit}: the train/test split of the days;
 *       {@link org.hubprice.env.game.MarketSource}: where the days come from.</li>
 *   <li>{@link org.hubprice.env.game.EnvInvariants} and {@link org.hubprice.env.game.EnvCheck}:
 *       the energy, battery, EV, station and accounting invariants, checked after every step by
 *       the tests and by {@code hubprice env-check}.</li>
 * </ul>
 */
package org.hubprice.env.game;
