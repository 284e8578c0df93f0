/**
 * Which days an evaluation plays: the held-out, training or all days of an environment
 * configuration, or the days of a user's file (a PJM Data Miner CSV pair, or a scenario CSV of
 * hourly prices), always with the DA commitment and observation scaling of the configuration
 * the agents were trained with.
 */
package org.hubprice.evaluation.days;
