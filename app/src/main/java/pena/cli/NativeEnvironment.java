package pena.cli;

import com.sun.jna.Library;
import com.sun.jna.Native;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * Sets the OpenMP environment of this very process before ND4J's native libraries load, so
 * that the process the user started is the one that works (no second JVM: signals, exit codes
 * and process managers see Pena itself).
 *
 * <p>OpenMP (libgomp) and OpenBLAS read their variables once, when they are loaded, with the C
 * library's {@code getenv}. Java cannot change its own environment, but the C library's
 * {@code setenv} can, through JNA, as long as it runs before the first ND4J class. Idle OpenMP
 * threads otherwise spin and steal the cores ({@code OMP_WAIT_POLICY=PASSIVE}: DL4J trains 2.5
 * times slower on 2 cores without it), and one OpenMP thread leaves the cores to Pena's own
 * split kernels. A variable the user set is kept.
 */
final class NativeEnvironment {
    static final String WAIT_POLICY = "OMP_WAIT_POLICY";
    static final String THREADS = "OMP_NUM_THREADS";

    /** The C library's environment functions. */
    public interface CLibrary extends Library {
        int setenv(String name, String value, int overwrite);

        String getenv(String name);

        /** {@code signal(2)}; a null handler is SIG_DFL. */
        com.sun.jna.Pointer signal(int signal, com.sun.jna.Pointer handler);
    }

    private NativeEnvironment() {
    }

    /** The C library, loaded once (JNA); throws UnsatisfiedLinkError where there is none. */
    private static final class C {
        static final CLibrary LIBRARY = (CLibrary) Native.loadLibrary("c", CLibrary.class);
    }

    /** Before anything touches ND4J: PASSIVE waiting and one OpenMP thread unless the user chose otherwise. */
    static void prepare() {
        try {
            CLibrary c = C.LIBRARY;
            c.setenv(WAIT_POLICY, "PASSIVE", 0);
            c.setenv(THREADS, "1", 0);
        } catch (LinkageError | RuntimeException e) {
            System.err.println("warning: could not set " + WAIT_POLICY + " for OpenMP (" + e.getMessage()
                    + "); set OMP_WAIT_POLICY=PASSIVE OMP_NUM_THREADS=1 yourself for full speed");
        }
    }

    /**
     * Gives {@code signal} its default action again where the parent started Pena with it ignored
     * (a shell does that to SIGINT for background commands): the JVM installs its own handler
     * only for signals that were not ignored, so without this {@code kill -INT} would do nothing.
     */
    static void restoreDefaultAction(int signal) {
        try {
            CLibrary c = C.LIBRARY;
            c.signal(signal, null);
        } catch (LinkageError | RuntimeException e) {
            // the JVM's own choice stands
        }
    }

    /**
     * ND4J reads OMP_NUM_THREADS through Java's copy of the environment, which never sees
     * {@link #prepare}'s change, and sets OpenMP and OpenBLAS to one thread per core when it is
     * absent there: put both back to the native setting after ND4J has loaded.
     */
    static void afterNd4jLoaded() {
        Nd4j.getBackend(); // loads the natives (ND4J's own start-up, as any first use would)
        if (System.getenv(THREADS) != null) {
            return; // the user's own OMP_NUM_THREADS: ND4J applied it
        }
        try {
            CLibrary c = C.LIBRARY;
            String threads = c.getenv(THREADS);
            int n = threads == null ? 1 : Integer.parseInt(threads.trim());
            NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(Math.max(1, n));
            Nd4j.factory().blas().setMaxThreads(Math.max(1, n)); // OpenBLAS, set by ND4J the same way
        } catch (LinkageError | RuntimeException e) {
            // keep ND4J's choice
        }
    }
}
