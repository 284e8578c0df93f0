/**
 * What a training run writes: atomic files and directories, append-only CSV logs that resume
 * cleanly, and the learning-curve plot.
 */
package org.hubprice.training.output;
