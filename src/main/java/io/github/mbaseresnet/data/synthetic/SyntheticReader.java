package io.github.mbaseresnet.data.synthetic;

import io.github.mbaseresnet.data.DatasetException;
import io.github.mbaseresnet.data.DatasetReader;
import io.github.mbaseresnet.data.Expression;
import io.github.mbaseresnet.data.Sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads a folder written by {@link SyntheticDataset#materialize}: flat PNGs named
 * {@code S<subject>_<expression code>_i<level>_v<variant>.png}. Each image is its own sequence (frame 0).
 */
public final class SyntheticReader implements DatasetReader {

    private static final Pattern NAME = Pattern.compile("(S\\d{2})_([A-Z]{2})_i(\\d)_v(\\d{1,2})\\.png");

    @Override
    public List<Sample> read(Path root) {
        if (!Files.isDirectory(root)) {
            throw new DatasetException(root, "synthetic dataset folder does not exist");
        }
        List<Sample> samples = new ArrayList<>();
        try (Stream<Path> files = Files.list(root)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                if (name.startsWith(".") || name.equals(SyntheticDataset.COMPLETE_MARKER)) {
                    continue;
                }
                samples.add(sample(file, name));
            }
        } catch (IOException e) {
            throw new DatasetException(root, "cannot list the synthetic dataset folder: " + e, e);
        }
        if (samples.isEmpty()) {
            throw new DatasetException(root, "synthetic dataset folder holds no images");
        }
        return List.copyOf(samples); // already sorted by path: the listing was
    }

    private static Sample sample(Path file, String name) {
        Matcher m = NAME.matcher(name);
        if (!m.matches() || !Files.isRegularFile(file)) {
            throw new DatasetException(file,
                    "not a synthetic dataset image: expected a file named like S03_HA_i2_v1.png");
        }
        Expression label = Expression.fromCode(m.group(2)).orElseThrow(() ->
                new DatasetException(file, "unknown expression code " + m.group(2)));
        return new Sample(file, m.group(1), label, name.substring(0, name.length() - ".png".length()), 0);
    }
}
