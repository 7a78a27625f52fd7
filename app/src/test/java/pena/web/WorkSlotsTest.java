package pena.web;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Queued time counts against the deadline; a full queue answers at once. */
class WorkSlotsTest {
    @Test
    void aFreeSlotIsTakenAtOnceEvenPastTheDeadline() throws Exception {
        WorkSlots slots = new WorkSlots(1, 4);
        try (WorkSlots.Slot s = slots.take(System.nanoTime() - 1)) {
            assertTrue(s != null);
        }
    }

    @Test
    void aRequestWaitsOnlyUntilItsOwnDeadline() throws Exception {
        WorkSlots slots = new WorkSlots(1, 4);
        try (WorkSlots.Slot held = slots.take(System.nanoTime())) {
            long t0 = System.nanoTime();
            assertThrows(WorkSlots.Busy.class, () -> slots.take(System.nanoTime() + 200_000_000L));
            double waited = (System.nanoTime() - t0) / 1e9;
            assertTrue(waited >= 0.19 && waited < 2, "waited " + waited + " s");
        }
        // freed: the next request runs
        slots.take(System.nanoTime() + 1_000_000_000L).close();
    }

    @Test
    void aFullQueueIsTurnedAwayWithoutWaiting() throws Exception {
        WorkSlots slots = new WorkSlots(1, 0);
        try (WorkSlots.Slot held = slots.take(System.nanoTime())) {
            long t0 = System.nanoTime();
            assertThrows(WorkSlots.Busy.class, () -> slots.take(System.nanoTime() + 5_000_000_000L));
            assertTrue((System.nanoTime() - t0) / 1e9 < 1, "a full queue made the request wait");
        }
    }

    @Test
    void aSlotFreedWhileWaitingIsHandedOver() throws Exception {
        WorkSlots slots = new WorkSlots(1, 4);
        WorkSlots.Slot held = slots.take(System.nanoTime());
        Thread releaser = new Thread(() -> {
            try {
                Thread.sleep(100);
            } catch (InterruptedException ignored) {
                // release anyway
            }
            held.close();
        });
        releaser.start();
        slots.take(System.nanoTime() + 5_000_000_000L).close();
        releaser.join();
    }

    @Test
    void theTrainingRunWaitsUntilTheRequestsAreDone() throws Exception {
        WorkSlots slots = new WorkSlots(2, 4);
        WorkSlots.Slot held = slots.take(System.nanoTime());
        java.util.concurrent.atomic.AtomicBoolean released = new java.util.concurrent.atomic.AtomicBoolean();
        Thread releaser = new Thread(() -> {
            try {
                Thread.sleep(150);
            } catch (InterruptedException ignored) {
                // release anyway
            }
            released.set(true);
            held.close();
        });
        releaser.start();
        slots.awaitIdle(30_000_000_000L);
        assertTrue(released.get(), "awaitIdle returned while a request still held a slot");
        assertTrue(slots.idle());
        releaser.join();
    }

    @Test
    void theTrainingRunWaitsAtMostItsLimit() throws Exception {
        WorkSlots slots = new WorkSlots(1, 4);
        try (WorkSlots.Slot held = slots.take(System.nanoTime())) {
            slots.awaitIdle(100_000_000L); // returns although the slot stays held
            assertTrue(!slots.idle());
        }
    }
}
