package pena.layers.kernels;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The one switch between the two implementations of every layer: the float kernels (single
 * precision, per step one {@link StepProduct} and the gate arithmetic in Java loops the JIT
 * vectorizes; the default) and the reference path of ND4J operations (any precision: gradient
 * checks run it in double). Tests turn the float kernels off to hold the two against each other.
 */
public final class KernelChoice {
    private static volatile boolean floatKernels = true;
    /**
     * The float kernels read and write arrays through host memory and call OpenBLAS: on a GPU
     * backend (nd4j-cuda) the arrays live on the device, so there every layer takes the
     * reference path, which is ND4J operations and runs wherever ND4J does.
     */
    private static final boolean HOST_ARRAYS = hostArrays();

    private KernelChoice() {
    }

    /** Whether arrays of this type take the float kernels. */
    public static boolean floatKernels(DataType type) {
        return floatKernels && HOST_ARRAYS && type == DataType.FLOAT;
    }

    private static boolean hostArrays() {
        try {
            return Nd4j.getEnvironment().isCPU();
        } catch (RuntimeException | LinkageError e) {
            return true; // no answer: the CPU backend, which is the only one Pena ships with
        }
    }

    /** Every layer to the reference path ({@code true}) or back to the float kernels ({@code false}). */
    public static void referenceOnly(boolean referenceOnly) {
        floatKernels = !referenceOnly;
    }
}
