/**
 * Small utilities every module shares: argument validation with messages that name the
 * field, the value and what is allowed; seed splitting so that one root seed drives every
 * random stream; run provenance; and the one configuration engine ({@link
 * org.hubprice.common.ConfigDocument}: YAML over defaults, {@code --set} overrides, binding,
 * digests; {@link org.hubprice.common.ConfigValues}: typed reads), whose errors name the full
 * key, the value and the nearest known key.
 */
package org.hubprice.common;
