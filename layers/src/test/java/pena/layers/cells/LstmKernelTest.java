package pena.layers.cells;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.ndarray.INDArray;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The LSTM's float kernel against its ND4J reference on the same window, without any DL4J
 * layer around them: every h and C of the pass, then dL/dx and the gradients of W, RW and b
 * for the same dL/dh. Batch 13 cuts unevenly over the cores.
 */
class LstmKernelTest {
    private static final int STEPS = 9;
    private static final int BATCH = 13;
    private static final int N = 24;

    @ParameterizedTest(name = "one-hot {0}, masked {1}")
    @CsvSource({"true,false", "true,true", "false,false", "false,true"})
    void theFloatKernelGivesWhatTheReferenceGives(boolean oneHot, boolean masked) {
        int nIn = oneHot ? 11 : 7;
        Window window = CellKernels.window(3, STEPS, BATCH, nIn, oneHot, masked);
        CellParameters weights = CellKernels.parameters(5, nIn, N, LstmGate.BLOCKS, false);
        INDArray startH = CellKernels.gaussian(6, BATCH, N).muli(0.5);
        INDArray startC = CellKernels.gaussian(7, BATCH, N);
        INDArray epsilon = CellKernels.gaussian(8, (long) STEPS * BATCH, N);

        LstmPass reference = LstmReference.forward(window, new LstmArrays(), startH, startC, weights);
        LstmPass kernel = LstmKernel.forward(window, new LstmArrays(), startH, startC, weights);
        assertFalse(reference.onFloatKernel);
        assertTrue(kernel.onFloatKernel);
        assertEquals(0, CellKernels.relativeDifference(reference.h, kernel.h), 1e-5, "h");
        assertEquals(0, CellKernels.relativeDifference(reference.c, kernel.c), 1e-5, "C");

        CellParameters referenceGradients = CellKernels.gradients(nIn, N, LstmGate.BLOCKS, false);
        CellParameters kernelGradients = CellKernels.gradients(nIn, N, LstmGate.BLOCKS, false);
        INDArray referenceDx = LstmReference.backward(reference, new LstmArrays(), epsilon, weights, referenceGradients);
        INDArray kernelDx = LstmKernel.backward(kernel, new LstmArrays(), epsilon, weights, kernelGradients);
        assertEquals(0, CellKernels.relativeDifference(referenceDx, kernelDx), 1e-4, "dL/dx");
        assertEquals(0, CellKernels.relativeDifference(referenceGradients.inputWeights(), kernelGradients.inputWeights()),
                1e-4, "dW");
        assertEquals(0, CellKernels.relativeDifference(referenceGradients.recurrentWeights(),
                kernelGradients.recurrentWeights()), 1e-4, "dRW");
        assertEquals(0, CellKernels.relativeDifference(referenceGradients.bias(), kernelGradients.bias()), 1e-4, "db");
    }
}
