package pena.layers.kernels;

import org.nd4j.linalg.api.buffer.DataType;

/**
 * The one switch between the two implementations of every layer: the float kernels (single
 * precision, per step one {@code cblas_sgemm} and the gate arithmetic in Java loops the JIT
 * vectorizes; the default) and the reference path of ND4J operations (any precision: gradient
 * checks run it in double). Tests turn the float kernels off to hold the two against each other.
 */
public final class KernelChoice {
    private static volatile boolean floatKernels = true;

    private KernelChoice() {
    }

    /** Whether arrays of this type take the float kernels. */
    public static boolean floatKernels(DataType type) {
        return floatKernels && type == DataType.FLOAT;
    }

    /** Every layer to the reference path ({@code true}) or back to the float kernels ({@code false}). */
    public static void referenceOnly(boolean referenceOnly) {
        floatKernels = !referenceOnly;
    }
}
