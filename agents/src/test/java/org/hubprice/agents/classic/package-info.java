/**
 * Classic-control sanity tasks, written from their published equations, on which the learners
 * are checked to learn at all before they meet the hub game: a learner that cannot swing up a
 * pendulum will not find a pricing policy either.
 */
package org.hubprice.agents.classic;
