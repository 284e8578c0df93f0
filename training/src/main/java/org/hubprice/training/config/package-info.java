/**
 * Training configuration: immutable, self-validating records ({@link org.hubprice.training.config.TrainingConfig}
 * and its sections) read from YAML over shipped defaults and named configs, with dotted-path
 * {@code key=value} overrides whose errors name the full key.
 */
package org.hubprice.training.config;
