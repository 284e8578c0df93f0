/**
 * Many seeds of one configuration: {@link org.hubprice.training.seeds.SeedList} parses
 * {@code --seeds}, {@link org.hubprice.training.seeds.SeedRuns} trains the members side by side
 * (one child process each, so every member is exactly the run {@code train --seed N} would
 * make) and resumes the unfinished ones, {@link org.hubprice.training.seeds.SeedAggregate}
 * writes {@code seeds.json} with across-seed interquartile means and stratified bootstrap
 * intervals ({@link org.hubprice.training.seeds.RobustStats}), and
 * {@link org.hubprice.training.seeds.SeedsCurve} draws every seed's validation curve with the band.
 */
package org.hubprice.training.seeds;
