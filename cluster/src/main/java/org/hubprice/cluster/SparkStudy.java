package org.hubprice.cluster;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.hubprice.cli.StudyTasks;

/**
 * The Spark driver of a study:
 * {@code spark-submit --class org.hubprice.cluster.SparkStudy hubprice-spark.jar NAME --store DIR [study options]}.
 *
 * <p>One Spark task per study task ({@code hubprice study tasks NAME} lists them), one partition
 * each, so Spark places them on free executor slots, retries a failed one (up to
 * {@code spark.task.maxFailures} attempts) and never runs a task twice at once (speculative
 * execution is off). Each Spark task runs {@code hubprice study task NAME --index I --store DIR}
 * in its executor: a finished task returns at once, an interrupted one resumes from its last
 * checkpoint in the store, and a task lock keeps two workers off the same task. The store must
 * be a directory every executor sees (a shared file system). {@code --threads-per-task} (default
 * 1) sets {@code spark.task.cpus} and the evaluation's worker threads; training uses one engine
 * thread. Tasks sharing an executor JVM take turns in their gradient updates (one gradient
 * collector per process), so executors of one core each run a study fastest.
 *
 * <p>Options: NAME and the study options of {@code study task} ({@code --cells}, {@code --seeds},
 * {@code --episodes}, {@code --replications}, {@code --market}, {@code --pjm}), {@code --store DIR}
 * (required), {@code --results DIR}, {@code --threads-per-task N}.
 */
public final class SparkStudy {
    private SparkStudy() {}

    /** What the driver was asked: the study options (passed on to every task), the store, the results directory, threads per task. */
    record Request(List<String> planArgs, Path store, Path results, int threadsPerTask) {
        static Request parse(String[] args) {
            List<String> plan = new ArrayList<>();
            Path store = null;
            Path results = null;
            int threads = 1;
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                boolean hasValue = i + 1 < args.length;
                switch (a) {
                    case "--store" -> store = Path.of(value(args, ++i, a, hasValue));
                    case "--results" -> results = Path.of(value(args, ++i, a, hasValue));
                    case "--threads-per-task" -> {
                        String v = value(args, ++i, a, hasValue);
                        try {
                            threads = Integer.parseInt(v);
                        } catch (NumberFormatException e) {
                            threads = -1;
                        }
                        if (threads < 1 || threads > 256) {
                            throw new IllegalArgumentException("--threads-per-task = '" + v + "' is not allowed: give a whole number in [1, 256]");
                        }
                    }
                    default -> plan.add(a);
                }
            }
            if (store == null) {
                throw new IllegalArgumentException("--store DIR is missing: a directory every executor sees (a shared file system)");
            }
            if (plan.isEmpty() || plan.get(0).startsWith("-")) {
                throw new IllegalArgumentException("the study's NAME is missing; usage: SparkStudy NAME --store DIR [study options]");
            }
            return new Request(plan, store.toAbsolutePath().normalize(), results == null ? null : results.toAbsolutePath().normalize(), threads);
        }

        private static String value(String[] args, int i, String option, boolean has) {
            if (!has) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args[i];
        }

        /** The arguments of {@code study task} for task {@code index}. */
        List<String> taskArgs(int index) {
            List<String> a = new ArrayList<>(planArgs);
            a.addAll(List.of("--index", Integer.toString(index), "--store", store.toString(), "--eval-threads", Integer.toString(threadsPerTask)));
            if (results != null) {
                a.addAll(List.of("--results", results.toString()));
            }
            return a;
        }
    }

    public static void main(String[] args) {
        Request r;
        try {
            r = Request.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(2);
            return;
        }
        SparkConf conf = new SparkConf().setAppName("hubprice study " + r.planArgs().get(0)).setIfMissing("spark.master", "local[*]");
        int failed = run(conf, r);
        System.exit(failed == 0 ? 0 : 1);
    }

    /**
     * Runs every task of the study on the Spark cluster of {@code conf}; returns the number of
     * tasks that still failed after Spark's retries (0 when the job succeeded).
     */
    public static int run(SparkConf conf, Request r) {
        conf.set("spark.task.cpus", Integer.toString(r.threadsPerTask())).set("spark.speculation", "false");
        List<Integer> indices = StudyTasks.indices(r.planArgs());
        try (JavaSparkContext sc = new JavaSparkContext(conf)) {
            sc.setJobDescription("hubprice study " + r.planArgs().get(0) + ": " + indices.size() + " tasks");
            // each Spark task gets its own argument list (plain strings: what a closure ships must be serialisable)
            List<ArrayList<String>> tasks = new ArrayList<>();
            for (int i : indices) {
                tasks.add(new ArrayList<>(r.taskArgs(i)));
            }
            List<String> done = sc.parallelize(tasks, Math.max(1, tasks.size())).map(a -> {
                StudyTasks.run(a);
                return "task " + a.get(a.indexOf("--index") + 1) + " finished";
            }).collect();
            done.forEach(System.out::println);
            return indices.size() - done.size();
        } catch (Exception e) {
            // Spark throws its (checked) SparkException without declaring it when a task fails for the last time
            if (!(e instanceof org.apache.spark.SparkException)) {
                throw e;
            }
            System.err.println("error: the study job failed after Spark's retries: " + e.getMessage());
            return 1;
        }
    }
}
