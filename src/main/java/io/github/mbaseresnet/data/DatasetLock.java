package io.github.mbaseresnet.data;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The parsed {@code datasets.lock} (repository root): per dataset, what a copy must contain for the standard
 * protocol. Check a copy with {@link LockCheck#verify}.
 *
 * @param datasets entries by dataset name ({@code jaffe}, {@code synthetic}, ...), in file order
 */
public record DatasetLock(Map<String, LockEntry> datasets) {

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final YAMLMapper YAML_NON_NULL = YAMLMapper.builder()
            .serializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL).build();

    public DatasetLock {
        datasets = datasets == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(datasets));
    }

    /**
     * {@code lockText} with {@code name}'s entry replaced by {@code entry} (appended when absent). Only that entry's
     * lines change: the other entries and every comment stay as they are, so a relock reviews as a small diff.
     */
    public static String withEntry(String lockText, String name, LockEntry entry) {
        String body;
        try {
            body = YAML_NON_NULL.writeValueAsString(entry).replaceFirst("^---\\s*\n", "");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the lock entry of " + name, e);
        }
        String block = "  " + name + ":\n" + body.lines().map(l -> "    " + l).collect(Collectors.joining("\n"))
                + "\n";
        Matcher start = Pattern.compile("(?m)^  " + Pattern.quote(name) + ":[ \t]*(#.*)?$").matcher(lockText);
        if (!start.find()) {
            return lockText + (lockText.endsWith("\n") ? "" : "\n") + block;
        }
        Matcher next = Pattern.compile("(?m)^(  \\S|\\S)").matcher(lockText);
        int end = next.find(start.end()) ? next.start() : lockText.length();
        return lockText.substring(0, start.start()) + block + lockText.substring(end);
    }

    /**
     * Reads a lock file.
     *
     * @throws DatasetException naming the file when it is missing, unreadable, not valid YAML, has unknown keys or
     *                          lists no datasets
     */
    public static DatasetLock load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new DatasetException(file, "lock file does not exist");
        }
        DatasetLock lock = null;
        try (JsonParser parser = YAML.createParser(file.toFile())) {
            if (parser.nextToken() != null) { // a file of comments only has no token
                lock = YAML.readValue(parser, DatasetLock.class);
            }
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String problem = e instanceof UnrecognizedPropertyException u
                    ? "unknown key '" + u.getPropertyName() + "' (known keys: " + u.getKnownPropertyIds() + ")"
                    : e.getOriginalMessage();
            throw new DatasetException(file, "not a valid lock file: " + problem
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"), e);
        } catch (IOException e) {
            throw new DatasetException(file, "lock file could not be read (" + e.getMessage() + ")", e);
        }
        if (lock == null || lock.datasets().isEmpty()) {
            throw new DatasetException(file, "lock file lists no datasets (expected a 'datasets:' mapping)");
        }
        lock.datasets().forEach((name, entry) -> {
            if (entry == null) {
                throw new DatasetException(file, "dataset '" + name + "' has no fields");
            }
        });
        return lock;
    }
}
