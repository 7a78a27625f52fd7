package pena.web;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The cores' work shared between requests: a generation or an inspection holds a slot while it
 * computes. A request that finds no free slot waits until its own deadline (queued time counts
 * against the time limit); past the deadline, or with too many already waiting, it is turned away.
 */
final class WorkSlots {
    private final Semaphore slots;
    private final int total;
    private final int maxQueued;
    private final AtomicInteger queued = new AtomicInteger();

    /** A slot held; closing it frees the slot. */
    interface Slot extends AutoCloseable {
        @Override
        void close();
    }

    WorkSlots(int slots, int maxQueued) {
        this.slots = new Semaphore(slots, true);
        this.total = slots;
        this.maxQueued = maxQueued;
    }

    /**
     * A free slot at once, else one that frees before {@code deadlineNanos} ({@link System#nanoTime}).
     *
     * @throws Busy when the queue is full or the deadline passes first
     */
    Slot take(long deadlineNanos) throws InterruptedException {
        if (!slots.tryAcquire()) {
            if (queued.incrementAndGet() > maxQueued) {
                queued.decrementAndGet();
                throw new Busy("the server is busy (" + maxQueued + " requests already waiting); try again in a moment");
            }
            try {
                long wait = deadlineNanos - System.nanoTime();
                if (wait <= 0 || !slots.tryAcquire(wait, TimeUnit.NANOSECONDS)) {
                    throw new Busy("the server is busy: no free slot within the time limit; try again in a moment");
                }
            } finally {
                queued.decrementAndGet();
            }
        }
        return slots::release;
    }

    /** Whether no request holds or waits for a slot. */
    boolean idle() {
        return slots.availablePermits() == total && queued.get() == 0;
    }

    /**
     * Returns once no request holds or waits for a slot, or after {@code maxNanos}: the page's
     * training run calls it before each window, so requests go first.
     */
    void awaitIdle(long maxNanos) throws InterruptedException {
        long end = System.nanoTime() + maxNanos;
        while (!idle() && System.nanoTime() < end) {
            Thread.sleep(2);
        }
    }

    /** A 503 answer. */
    static final class Busy extends RuntimeException {
        Busy(String message) {
            super(message);
        }
    }
}
