/** The training loop, update schedules, metrics, checkpointing and resume. */
package org.hubprice.training;
