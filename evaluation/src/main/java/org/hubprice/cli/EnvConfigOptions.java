package org.hubprice.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hubprice.env.config.EnvConfig;
import picocli.CommandLine.Option;

/**
 * The options every command that builds the hub environment shares: a YAML file laid over the
 * defaults and {@code --set key=value} overrides (dotted paths, applied in order).
 */
public final class EnvConfigOptions {
    @Option(names = "--config", paramLabel = "FILE",
            description = "Environment YAML; keys it omits keep their defaults (see env/README.md). Default: the built-in defaults.")
    Path config;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Override one configuration key by its dotted path, e.g. --set hubs.count=3 (repeatable).")
    List<String> overrides = new ArrayList<>();

    /** The configuration these options describe. */
    public EnvConfig load() {
        return config != null ? EnvConfig.load(config, overrides) : EnvConfig.defaults().withOverrides(overrides);
    }
}
