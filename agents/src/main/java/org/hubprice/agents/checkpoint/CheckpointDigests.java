package org.hubprice.agents.checkpoint;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * SHA-256 digests of the files of a checkpoint directory, kept in {@value #FILE} in the format of
 * {@code sha256sum} (one {@code <64 hex digits><two spaces><relative path>} line per file, paths
 * with {@code /}, sorted), so {@code sha256sum -c checksums.sha256} checks a checkpoint from the
 * shell too. Every file is listed, the manifest included, so one changed byte anywhere (in a
 * parameter file, the manifest or the digest file itself) is found on load.
 */
public final class CheckpointDigests {
    /** The digest file's name. */
    public static final String FILE = "checksums.sha256";
    private static final Pattern LINE = Pattern.compile("([0-9a-f]{64})  ([^\\r\\n]+)");

    private CheckpointDigests() {}

    /**
     * Writes {@value #FILE} into {@code dir} for every regular file under it ({@code recursive})
     * or directly in it, hidden temporary files and the digest file itself excepted.
     */
    public static void seal(Path dir, boolean recursive) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : compute(dir, recursive).entrySet()) {
            sb.append(e.getValue()).append("  ").append(e.getKey()).append('\n');
        }
        Files.writeString(dir.resolve(FILE), sb.toString(), StandardCharsets.UTF_8);
    }

    /** The digests {@link #seal} would write: relative path to lower-case hex SHA-256, sorted by path. */
    public static Map<String, String> compute(Path dir, boolean recursive) throws IOException {
        Map<String, String> out = new TreeMap<>();
        for (String f : list(dir, recursive)) {
            out.put(f, sha256(dir.resolve(f)));
        }
        return out;
    }

    /** The relative paths of the files a digest file covers, sorted. */
    private static List<String> list(Path dir, boolean recursive) throws IOException {
        Path own = dir.resolve(FILE);
        try (Stream<Path> s = recursive ? Files.walk(dir) : Files.list(dir)) {
            return s.filter(Files::isRegularFile).filter(p -> !p.equals(own))
                    .filter(p -> !p.getFileName().toString().startsWith(".")).map(p -> relative(dir, p)).sorted().toList();
        }
    }

    private static String relative(Path dir, Path f) {
        return dir.relativize(f).toString().replace('\\', '/');
    }

    /**
     * Checks every file listed in {@code dir}'s {@value #FILE}.
     *
     * @return false when the directory has no digest file (written before digests existed: its
     *     files are not checked), true when every listed file is present and matches
     * @throws CheckpointException naming the first file that is missing or differs, or the digest
     *     file when a line of it is malformed
     */
    public static boolean verify(Path dir) throws IOException {
        Path sums = dir.resolve(FILE);
        if (!Files.isRegularFile(sums)) {
            return false;
        }
        Map<String, String> expected = read(sums);
        boolean recursive = expected.keySet().stream().anyMatch(k -> k.indexOf('/') >= 0);
        for (String present : list(dir, recursive)) {
            if (!expected.containsKey(present)) {
                throw new CheckpointException(sums, "is damaged or out of date: it does not list " + present, null);
            }
        }
        for (Map.Entry<String, String> e : expected.entrySet()) {
            Path f = dir.resolve(e.getKey()).normalize();
            if (!f.startsWith(dir.normalize())) {
                throw new CheckpointException(sums, "is damaged: it lists '" + e.getKey() + "', which is outside the checkpoint", null);
            }
            if (!Files.isRegularFile(f)) {
                throw new CheckpointException(f, "is missing (" + FILE + " lists it)", null);
            }
            if (!sha256(f).equals(e.getValue())) {
                throw new CheckpointException(f, "is damaged: its SHA-256 differs from the one recorded in " + FILE
                        + " when it was written (" + Files.size(f) + " bytes now)", null);
            }
        }
        return true;
    }

    private static Map<String, String> read(Path sums) throws IOException {
        String text;
        try {
            text = new String(Files.readAllBytes(sums), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CheckpointException(sums, "cannot be read (" + e.getMessage() + ")", e);
        }
        Map<String, String> out = new LinkedHashMap<>();
        if (text.isEmpty() || !text.endsWith("\n")) {
            throw new CheckpointException(sums, "is damaged: it is empty or cut short", null);
        }
        String[] lines = text.substring(0, text.length() - 1).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = LINE.matcher(lines[i]);
            if (!m.matches() || out.put(m.group(2), m.group(1)) != null) {
                throw new CheckpointException(sums, "is damaged: line " + (i + 1) + " is not '<SHA-256 in lower-case hex>  <file>'", null);
            }
        }
        if (!out.containsKey(Checkpoints.MANIFEST) && Files.exists(sums.resolveSibling(Checkpoints.MANIFEST))) {
            throw new CheckpointException(sums, "is damaged: it does not list " + Checkpoints.MANIFEST, null);
        }
        return out;
    }

    /** Lower-case hex SHA-256 of a file's bytes. */
    public static String sha256(Path file) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
