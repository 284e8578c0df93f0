/**
 * Charging hubs (docs/model.md sections 1 and 3): a {@link org.hubprice.env.hub.Hub} owns its
 * stations, its battery (limits, stored energy and the energy's cost basis) and its 24-hour
 * day-ahead commitment, sources each period's EV load through a
 * {@link org.hubprice.models.power.PowerDispatcher}, and books the period in a
 * {@link org.hubprice.env.hub.HubPeriod}.
 *
 * <p>A hub knows nothing of agents, observations or other hubs; the game in
 * {@code org.hubprice.env.game} decides prices and loads and asks each hub to run its period.
 */
package org.hubprice.env.hub;
