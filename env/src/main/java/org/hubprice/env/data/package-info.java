/**
 * Market data: complete days of hourly day-ahead and real-time prices, loaded from PJM Data
 * Miner CSV exports or drawn from a synthetic generator calibrated to a real PJM year.
 */
package org.hubprice.env.data;
