package io.github.mbaseresnet.bench;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Counts images, so that JMH reports images/s next to operations/s (a secondary result named {@code images}): a
 * training step or an inference on a batch of 64 is one operation but 64 images.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.OPERATIONS)
public class ImageCounter {
    public long images;

    @Setup(Level.Iteration)
    public void reset() {
        images = 0;
    }
}
