package org.hubprice.agents.device;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resolves a device name to a DJL {@link Device}.
 *
 * <ul>
 *   <li>{@code cpu}: the CPU.</li>
 *   <li>{@code gpu} or {@code gpu:N}: GPU 0 or N; an error if PyTorch sees no such GPU.</li>
 *   <li>{@code auto}: GPU 0 when PyTorch sees one, otherwise the CPU (logged at INFO).</li>
 * </ul>
 *
 * <p>A GPU needs the CUDA build of PyTorch. Maven Central has none for PyTorch 2.7.1, so build
 * with {@code mvn -Dcuda ...} (which leaves the CPU build off the class path), set
 * {@code PYTORCH_FLAVOR=cu128}, and let DJL fetch the CUDA library once, online, into
 * {@code ~/.djl.ai/pytorch}; later runs, offline, load it from there (see agents/README.md).
 */
public final class Devices {
    private static final Logger LOG = LoggerFactory.getLogger(Devices.class);

    /** The CPU fallback is said once per process, however many agents resolve {@code auto}. */
    private static final java.util.concurrent.atomic.AtomicBoolean CPU_NOTED = new java.util.concurrent.atomic.AtomicBoolean();

    private Devices() {}

    /** The device for {@code name} (see the class comment); {@code null} means {@code cpu}. */
    public static Device resolve(String name) {
        String n = name == null ? "cpu" : name.trim().toLowerCase(Locale.ROOT);
        if (n.equals("cpu")) {
            return Device.cpu();
        }
        if (n.equals("auto")) {
            int gpus = gpuCount();
            if (gpus > 0) {
                LOG.info("device auto: using gpu(0) of {} visible to PyTorch {}", gpus, engineVersion());
                return Device.gpu(0);
            }
            if (CPU_NOTED.compareAndSet(false, true)) {
                LOG.info("device auto: no GPU visible to PyTorch {} (native flavour: {}); using the CPU", engineVersion(), flavour());
            }
            return Device.cpu();
        }
        if (n.equals("gpu") || n.startsWith("gpu:")) {
            int index = 0;
            if (n.startsWith("gpu:")) {
                try {
                    index = Integer.parseInt(n.substring(4));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("device = '" + name + "': the GPU index must be an integer, e.g. gpu:0");
                }
            }
            int gpus = gpuCount();
            if (index < 0 || index >= gpus) {
                throw new IllegalArgumentException("device = '" + name + "' but PyTorch " + engineVersion() + " sees "
                        + (gpus == 0 ? "no GPU" : gpus + " GPU(s)") + " (native flavour: " + flavour() + "). Maybe build with"
                        + " 'mvn -Dcuda' and set PYTORCH_FLAVOR=cu128 (CUDA 12.8 PyTorch, see agents/README.md), check nvidia-smi,"
                        + " or use --device auto / cpu");
            }
            return Device.gpu(index);
        }
        throw new IllegalArgumentException("device = '" + name + "' is not known; allowed: auto, cpu, gpu, gpu:N");
    }

    /** GPUs visible to the engine (0 when the CPU build of PyTorch is loaded). */
    public static int gpuCount() {
        return Engine.getInstance().getGpuCount();
    }

    private static String engineVersion() {
        return Engine.getInstance().getVersion();
    }

    /** Which native PyTorch build DJL was asked for (environment or system property), for messages. */
    static String flavour() {
        String f = System.getenv("PYTORCH_FLAVOR");
        if (f == null) {
            f = System.getProperty("PYTORCH_FLAVOR");
        }
        return f == null ? "from the class path" : f;
    }
}
