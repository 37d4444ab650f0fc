package io.github.mbaseresnet.train;

import io.github.mbaseresnet.align.Face;
import io.github.mbaseresnet.data.GrayImage;
import io.github.mbaseresnet.support.Dl4jTestBase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PrefetchingIteratorTest extends Dl4jTestBase {

    /** Every test must leave no producer thread behind. */
    @AfterEach
    void noProducerIsLeft() {
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("fer-batch-prefetch")
                && t.isAlive());
    }

    private static <T> List<T> drain(Iterator<T> it) {
        List<T> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }

    @Test
    void itemsComeInTheSourcesOrderAtEveryDepth() {
        List<Integer> items = IntStream.range(0, 50).boxed().toList();
        for (int depth : new int[] {0, 1, 3, 64}) {
            try (var it = new PrefetchingIterator<>(items.iterator(), depth)) {
                assertThat(drain(it)).as("depth " + depth).isEqualTo(items);
                assertThat(it.hasNext()).isFalse();
                assertThatThrownBy(it::next).isInstanceOf(NoSuchElementException.class);
            }
        }
    }

    /** 12×12 faces of varied pixels, so every crop, flip and jitter shows in the batch. */
    private static List<Face> faces(int n) {
        Random rng = new Random(3);
        List<Face> faces = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            float[] px = new float[144];
            for (int p = 0; p < px.length; p++) {
                px[p] = rng.nextFloat();
            }
            faces.add(new Face("f" + i, "S" + i % 3, i % 3, new GrayImage(12, 12, px)));
        }
        return faces;
    }

    @Test
    void prefetchedBatchesAreBitIdenticalToTheSynchronousOnesInTheSameOrder() {
        BatchMaker maker = new BatchMaker(new Augmentation(10, true, 10, 1, 0.1, 0.1, 0.02), 3);
        List<Face> faces = faces(37);
        List<DataSet> direct = drain(maker.training(faces, 8, new Random(7), 3));
        List<DataSet> prefetched;
        try (var it = new PrefetchingIterator<>(maker.training(faces, 8, new Random(7), 3), 2)) {
            prefetched = drain(it);
        }
        assertThat(direct).hasSize(3 * 5); // 37 faces in batches of 8: 5 per epoch
        assertThat(prefetched).hasSameSizeAs(direct);
        for (int i = 0; i < direct.size(); i++) {
            assertThat(prefetched.get(i).getFeatures()).as("batch " + i).isEqualTo(direct.get(i).getFeatures());
            assertThat(prefetched.get(i).getLabels()).as("batch " + i).isEqualTo(direct.get(i).getLabels());
        }
        // and the lazy stream is what epoch-by-epoch calls give
        Random rng = new Random(7);
        List<DataSet> epochs = new ArrayList<>();
        for (int e = 0; e < 3; e++) {
            epochs.addAll(maker.trainingEpoch(faces, 8, rng));
        }
        for (int i = 0; i < direct.size(); i++) {
            assertThat(epochs.get(i).getFeatures()).isEqualTo(direct.get(i).getFeatures());
        }
    }

    @Test
    void aFailureInTheProducerReachesTheConsumerWithItsCauseAfterTheGoodItems() {
        Iterator<Integer> failing = new Iterator<>() {
            int i;

            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Integer next() {
                if (i == 2) {
                    throw new IllegalArgumentException("face f2 is 3x3, expected a square of at least 10");
                }
                return i++;
            }
        };
        try (var it = new PrefetchingIterator<>(failing, 4)) {
            assertThat(it.next()).isEqualTo(0);
            assertThat(it.next()).isEqualTo(1);
            assertThatThrownBy(it::next).isInstanceOf(PrefetchingIterator.PipelineException.class)
                    .hasMessageContaining("face f2 is 3x3").cause().isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("face f2 is 3x3, expected a square of at least 10");
            assertThat(it.hasNext()).isFalse();
        }
    }

    @Test
    void closeStopsAProducerThatIsAheadOfTheConsumer() {
        Iterator<Integer> endless = IntStream.iterate(0, i -> i + 1).iterator();
        var it = new PrefetchingIterator<>(endless, 2);
        assertThat(it.next()).isZero();
        it.close(); // the producer is blocked on the full queue: close must interrupt and join it
        assertThat(it.hasNext()).isFalse();
    }

    @Test
    void interruptingAWaitingConsumerStopsTheProducer() throws InterruptedException {
        CountDownLatch never = new CountDownLatch(1);
        Iterator<Integer> stuck = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Integer next() {
                try {
                    never.await(); // a batch that takes forever
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("stopped", e);
                }
                return 0;
            }
        };
        AtomicReference<Throwable> seen = new AtomicReference<>();
        Thread consumer = new Thread(() -> {
            try (var it = new PrefetchingIterator<>(stuck, 2)) {
                it.next();
            } catch (Throwable t) {
                seen.set(t);
            }
        });
        consumer.start();
        Thread.sleep(200);
        consumer.interrupt();
        consumer.join(10_000);
        assertThat(consumer.isAlive()).isFalse();
        assertThat(seen.get()).isInstanceOf(IllegalStateException.class).hasMessageContaining("interrupted");
    }

    @Test
    void aNegativeDepthIsRefused() {
        assertThatThrownBy(() -> new PrefetchingIterator<>(List.of(1).iterator(), -1))
                .hasMessageContaining("fer.prefetch");
    }
}
