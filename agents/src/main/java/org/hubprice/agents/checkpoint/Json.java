package org.hubprice.agents.checkpoint;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/** The JSON mapper for manifests and wrapper state: indented, stable key order as inserted. */
public final class Json {
    /** Shared and thread-safe once configured. */
    public static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Json() {}

    /** Reads a JSON object file into a map; a missing or damaged file is a {@link CheckpointException} naming it. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> readMap(Path file) throws IOException {
        return Checkpoints.readJson(file, Map.class);
    }

    /** Writes {@code value} as indented JSON. */
    public static void write(Path file, Object value) throws IOException {
        MAPPER.writeValue(file.toFile(), value);
    }
}
