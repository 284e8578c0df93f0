/**
 * Tests across evaluated runs in the manner of the paper's Table 1: Welch t-tests on the
 * learned policies' average price and on the price gap between hubs, per day or per hour.
 */
package org.hubprice.evaluation.compare;
