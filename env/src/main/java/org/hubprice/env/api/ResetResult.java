package org.hubprice.env.api;

import java.util.Map;

/** Initial observations and infos, keyed by agent name. */
public record ResetResult(Map<String, double[]> observations, Map<String, Map<String, Object>> infos) {}
