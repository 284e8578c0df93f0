/**
 * A study's tasks on Apache Spark: {@link org.hubprice.cluster.SparkStudy} turns the task list
 * into one Spark task per study task, each running {@code hubprice study task} against a store
 * every executor sees. Spark places and retries tasks; a retried task resumes from its own
 * checkpoints in the store.
 */
package org.hubprice.cluster;
