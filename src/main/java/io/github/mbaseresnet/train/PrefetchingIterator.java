package io.github.mbaseresnet.train;

import org.nd4j.linalg.factory.Nd4j;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Pulls {@code source} on a background thread into a queue of {@code depth} items, so the consumer (the trainer's
 * {@code fit}) does not wait on decoding and augmentation (issue 5: "the GPU never waits"). The source is consumed
 * by one thread, in order: with a seeded source the items and their order are exactly those of iterating it directly,
 * which is what {@code depth = 0} does (no thread at all).
 *
 * <p>An exception in the source is thrown to the consumer, at the item where it happened, as a
 * {@link PipelineException} whose cause is the original. {@link #close()} (or interrupting the consumer while it
 * waits) stops the thread and waits for it to end. Written here rather than DL4J's AsyncDataSetIterator, which
 * needs a whole DataSetIterator as its source and by default hands out batches that live in a cyclic workspace.
 */
public final class PrefetchingIterator<T> implements Iterator<T>, AutoCloseable {
    /** Thrown to the consumer when the source failed; the cause is the source's exception. */
    public static final class PipelineException extends RuntimeException {
        PipelineException(Throwable cause) {
            super("the batch pipeline failed: " + cause, cause);
        }
    }

    /** What the producer hands over: an item, the end, or the source's failure. */
    private record Slot<T>(T item, Throwable failure, boolean end) {
    }

    private final Iterator<T> source;
    private final BlockingQueue<Slot<T>> queue;
    private final Thread producer;
    private Slot<T> next;
    private boolean finished;

    /** @param depth items made ahead of the consumer; 0 = none, the consumer iterates {@code source} itself */
    public PrefetchingIterator(Iterator<T> source, int depth) {
        if (depth < 0) {
            throw new IllegalArgumentException("prefetch depth (fer.prefetch) must be >= 0, got " + depth);
        }
        this.source = source;
        if (depth == 0) {
            queue = null;
            producer = null;
            return;
        }
        queue = new ArrayBlockingQueue<>(depth);
        // arrays made on the producer must live on the consumer's device (a no-op on CPU)
        Integer device = Nd4j.getAffinityManager().getDeviceForCurrentThread();
        producer = new Thread(() -> produce(device), "fer-batch-prefetch");
        producer.setDaemon(true); // never keeps the JVM alive, even when a caller forgets close()
        producer.start();
    }

    private void produce(Integer device) {
        Nd4j.getAffinityManager().unsafeSetDevice(device);
        try {
            while (source.hasNext()) {
                T item = source.next();
                queue.put(new Slot<>(item, null, false));
            }
            queue.put(new Slot<>(null, null, true));
        } catch (InterruptedException e) {
            // closed by the consumer: nothing more is wanted
        } catch (Throwable t) {
            try {
                queue.put(new Slot<>(null, t, true));
            } catch (InterruptedException closed) {
                // closed while handing over the failure: the consumer no longer reads
            }
        }
    }

    @Override
    public boolean hasNext() {
        if (producer == null) {
            return !finished && source.hasNext();
        }
        if (next == null && !finished) {
            try {
                next = queue.take();
            } catch (InterruptedException e) {
                close();
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the next batch", e);
            }
        }
        if (next != null && next.failure() != null) {
            Throwable failure = next.failure();
            finished = true;
            next = null;
            throw new PipelineException(failure);
        }
        if (next != null && next.end()) {
            finished = true;
            next = null;
        }
        return next != null;
    }

    @Override
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more batches");
        }
        if (producer == null) {
            return source.next();
        }
        T item = next.item();
        next = null;
        return item;
    }

    /** Stops the producer and waits for it to end; the iterator is empty afterwards. */
    @Override
    public void close() {
        finished = true;
        next = null;
        if (producer == null) {
            return;
        }
        producer.interrupt();
        boolean interrupted = false;
        while (producer.isAlive()) {
            try {
                producer.join();
            } catch (InterruptedException e) {
                interrupted = true; // finish stopping the producer first, then keep the caller's interrupt
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
