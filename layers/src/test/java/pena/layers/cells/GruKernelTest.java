package pena.layers.cells;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.ndarray.INDArray;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The reset-after GRU's float kernel against its ND4J reference on the same window, without any DL4J
 * layer around them: every h of the pass, then dL/dx and the gradients of W, RW, b and RB
 * for the same dL/dh. Batch 13 cuts unevenly over the cores.
 */
class GruKernelTest {
    private static final int STEPS = 9;
    private static final int BATCH = 13;
    private static final int N = 24;

    @ParameterizedTest(name = "one-hot {0}, masked {1}")
    @CsvSource({"true,false", "true,true", "false,false", "false,true"})
    void theFloatKernelGivesWhatTheReferenceGives(boolean oneHot, boolean masked) {
        int nIn = oneHot ? 11 : 7;
        Window window = CellKernels.window(3, STEPS, BATCH, nIn, oneHot, masked);
        CellParameters weights = CellKernels.parameters(5, nIn, N, GruGate.BLOCKS, true);
        INDArray startH = CellKernels.gaussian(6, BATCH, N).muli(0.5);
        INDArray epsilon = CellKernels.gaussian(8, (long) STEPS * BATCH, N);

        GruPass reference = GruReference.forward(window, new GruArrays(), startH, weights, true);
        GruPass kernel = GruKernel.forward(window, new GruArrays(), startH, weights);
        assertFalse(reference.onFloatKernel);
        assertTrue(kernel.onFloatKernel);
        assertEquals(0, CellKernels.relativeDifference(reference.h, kernel.h), 1e-5, "h");

        CellParameters referenceGradients = CellKernels.gradients(nIn, N, GruGate.BLOCKS, true);
        CellParameters kernelGradients = CellKernels.gradients(nIn, N, GruGate.BLOCKS, true);
        INDArray referenceDx = GruReference.backward(reference, new GruArrays(), epsilon, weights, referenceGradients);
        INDArray kernelDx = GruKernel.backward(kernel, new GruArrays(), epsilon, weights, kernelGradients);
        assertEquals(0, CellKernels.relativeDifference(referenceDx, kernelDx), 1e-4, "dL/dx");
        assertEquals(0, CellKernels.relativeDifference(referenceGradients.inputWeights(), kernelGradients.inputWeights()),
                1e-4, "dW");
        assertEquals(0, CellKernels.relativeDifference(referenceGradients.recurrentWeights(),
                kernelGradients.recurrentWeights()), 1e-4, "dRW");
        assertEquals(0, CellKernels.relativeDifference(referenceGradients.bias(), kernelGradients.bias()), 1e-4, "db");
        assertEquals(0, CellKernels.relativeDifference(referenceGradients.recurrentBias(),
                kernelGradients.recurrentBias()), 1e-4, "dRB");
    }
}
