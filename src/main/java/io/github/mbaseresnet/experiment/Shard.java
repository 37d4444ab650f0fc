package io.github.mbaseresnet.experiment;

/**
 * One runner's share of the experiment grid: {@code fer.shard=i/n} (1-based), issue 8. Every runner computes the same
 * partition of the grid ({@link ExperimentGrid}) and trains the units assigned to its index; {@code 1/1} is the whole
 * grid (the default).
 */
public record Shard(int index, int count) {
    public static final Shard WHOLE = new Shard(1, 1);

    public Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("fer.shard=" + index + "/" + count + ": need 1 <= i <= n (e.g. 2/8)");
        }
    }

    /** {@code "2/8"}. */
    public static Shard parse(String value) {
        String[] parts = value.trim().split("/", -1);
        try {
            if (parts.length == 2) {
                return new Shard(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
            }
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw new IllegalArgumentException("fer.shard=" + value + " is not i/n (e.g. 2/8: the second of 8 shards)");
    }

    public boolean whole() {
        return count == 1;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
