/**
 * The parts of a training run around the hot loop, each doing one thing: the run directory's
 * layout and checks ({@link org.hubprice.training.run.RunLayout}), what a resume may change
 * ({@link org.hubprice.training.run.ResumePolicy}), the run record {@code run.json}
 * ({@link org.hubprice.training.run.RunRecord}), checkpoints
 * ({@link org.hubprice.training.run.CheckpointWriter}), per-episode statistics and the metrics
 * files ({@link org.hubprice.training.run.EpisodeStats}), the progress display
 * ({@link org.hubprice.training.run.Progress}) and the loop's explicit state
 * ({@link org.hubprice.training.run.LoopState}).
 */
package org.hubprice.training.run;
