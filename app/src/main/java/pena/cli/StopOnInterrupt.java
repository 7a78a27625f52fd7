package pena.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C (or a plain kill) during long work: asks the work to stop at a safe point and holds the
 * JVM's exit until it has saved its checkpoint.
 */
final class StopOnInterrupt implements AutoCloseable {
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook;

    StopOnInterrupt(Runnable requestStop) {
        hook = new Thread(() -> {
            requestStop.run();
            try {
                finished.await(3, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "pena-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    @Override
    public void close() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // Ctrl-C: the hook is running and waited for us
        }
    }
}
