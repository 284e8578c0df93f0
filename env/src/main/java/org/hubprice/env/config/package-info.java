/**
 * Configuration of the hub pricing environment: immutable, self-validating records rooted at
 * {@link org.hubprice.env.config.EnvConfig}, read from YAML on top of the shipped defaults
 * ({@code default-env.yaml}) with optional {@code key=value} overrides in dotted-path form.
 *
 * <p>Every error names the full dotted key ({@code hubs.battery.capacityKwh}), the offending
 * value and what is allowed; unknown keys are errors, with the nearest known key suggested.
 */
package org.hubprice.env.config;
