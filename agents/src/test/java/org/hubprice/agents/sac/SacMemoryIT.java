package org.hubprice.agents.sac;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.hubprice.agents.Mode;
import org.hubprice.agents.nn.NetworkConfig;
import org.hubprice.env.api.Box;
import org.hubprice.env.api.Transition;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * 100 000 SAC updates leave no native memory behind: the agent's live native arrays stay
 * exactly constant, and the process's resident memory grows by less than 64 MiB after the
 * first 10 000 updates (allocator warm-up). Small networks (2 x 32, batch 64), because a leak
 * is per engine call and the call sequence does not depend on the sizes; about 6 minutes on
 * one busy core, so it only runs with {@code -Dhubprice.sac.memory=true} (or set
 * {@code hubprice.sac.memory.updates} for another count):
 * {@code mvn -B -o -pl agents -am verify -Dtest=None -Dsurefire.failIfNoSpecifiedTests=false
 * -Dit.test=SacMemoryIT -Dhubprice.sac.memory=true}
 */
class SacMemoryIT {
    private static final Logger LOG = LoggerFactory.getLogger(SacMemoryIT.class);
    static final long RSS_BOUND_BYTES = 64L << 20;

    @Test
    void hundredThousandUpdatesDoNotGrowNativeMemory() throws IOException {
        Assumptions.assumeTrue(Boolean.getBoolean("hubprice.sac.memory"),
                "long-running memory check; run with -Dhubprice.sac.memory=true");
        Assumptions.assumeTrue(Files.isReadable(Path.of("/proc/self/status")), "needs /proc/self/status (Linux) to read the RSS");
        int total = Integer.getInteger("hubprice.sac.memory.updates", 100_000);
        int every = Math.max(1, total / 10);
        SacConfig config = SacConfig.builder().optNetwork(NetworkConfig.ff().withHidden(List.of(32, 32))).opt("batchSize", 64)
                .opt("learningStarts", 64).opt("bufferCapacity", 10_000).build();
        Box obs = Box.uniform(-1, 1, 7);
        Box act = Box.uniform(1, 2, 1);
        SplittableRandom rng = new SplittableRandom(3);
        try (SacAgent agent = new SacAgent(config, obs, act, 3, Device.cpu())) {
            double[] o = obs.sample(rng);
            // a full buffer first, so that the replay's own growth is not counted
            for (int i = 0; i < config.bufferCapacity(); i++) {
                double[] next = obs.sample(rng);
                agent.observe(new Transition(o, act.sample(rng), rng.nextDouble() - 0.5, next, false, false));
                o = next;
            }
            agent.learn(every);
            int arrays = agent.liveNativeArrays();
            long rssStart = rss();
            long rssMax = rssStart;
            long t0 = System.nanoTime();
            for (int done = every; done < total; done += every) {
                for (int i = 0; i < every; i++) {
                    agent.act(o, Mode.TRAIN);
                    agent.learn(1);
                }
                long now = rss();
                rssMax = Math.max(rssMax, now);
                LOG.info("sac memory: {} updates, live native arrays {}, RSS {} MiB (start {} MiB), {} s", done + every,
                        agent.liveNativeArrays(), now >> 20, rssStart >> 20, String.format("%.0f", (System.nanoTime() - t0) / 1e9));
                assertEquals(arrays, agent.liveNativeArrays(), "live native arrays after " + (done + every) + " updates");
            }
            long growth = rssMax - rssStart;
            LOG.info("sac memory result: {} updates, live native arrays constant at {}, RSS growth {} MiB after warm-up (bound {} MiB)",
                    total, arrays, String.format("%.1f", growth / 1048576.0), RSS_BOUND_BYTES >> 20);
            assertTrue(growth < RSS_BOUND_BYTES, "RSS grew by " + (growth >> 20) + " MiB over " + total + " updates");
        }
    }

    /** Resident set size of this process from /proc/self/status. */
    static long rss() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        throw new IOException("no VmRSS line in /proc/self/status");
    }
}
