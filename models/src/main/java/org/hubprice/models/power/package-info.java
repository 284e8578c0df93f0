/**
 * Hub power management (docs/model.md section 3): each period a hub sources its EV load from its
 * day-ahead commitment, its battery and the real-time market at least cost. The
 * {@link org.hubprice.models.power.PowerDispatcher} contract has two implementations with
 * identical semantics: the reference MILP and an exact closed-form dispatcher.
 */
package org.hubprice.models.power;
