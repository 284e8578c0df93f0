/**
 * Small utilities every module shares: argument validation with messages that name the
 * field, the value and what is allowed; seed splitting so that one root seed drives every
 * random stream; and run provenance.
 */
package org.hubprice.common;
