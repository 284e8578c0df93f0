package org.hubprice.env.config;

/**
 * {@code market.pjm}: PJM Data Miner hourly LMP exports (CSV) of one pricing node, day-ahead
 * and real-time. Relative paths resolve against the working directory.
 *
 * @param dayAheadFile path of the day-ahead CSV (null unless {@code market.source = pjm})
 * @param realTimeFile path of the real-time CSV (null unless {@code market.source = pjm})
 * @param pnodeId the pricing node to keep when a file holds several, or null
 * @param strict when true a day that cannot be built (missing hours) is an error; when false it is skipped and logged
 */
public record PjmMarketConfig(String dayAheadFile, String realTimeFile, Long pnodeId, boolean strict) {}
