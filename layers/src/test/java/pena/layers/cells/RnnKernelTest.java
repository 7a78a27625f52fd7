package pena.layers.cells;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.ndarray.INDArray;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The plain RNN's float kernel against its ND4J reference on the same window, without any DL4J
 * layer around them: every h of the pass, then dL/dx and the gradients of W, RW and b for the
 * same dL/dh. Batch 13 cuts unevenly over the cores.
 */
class RnnKernelTest {
    private static final int STEPS = 9;
    private static final int BATCH = 13;
    private static final int N = 24;

    @ParameterizedTest(name = "one-hot {0}, masked {1}")
    @CsvSource({"true,false", "true,true", "false,false", "false,true"})
    void theFloatKernelGivesWhatTheReferenceGives(boolean oneHot, boolean masked) {
        int nIn = oneHot ? 11 : 7;
        Window window = CellKernels.window(3, STEPS, BATCH, nIn, oneHot, masked);
        // RW at a third of CellKernels' spread: the units stay out of saturation, so the gradient
        // still reaches the first steps and a wrong recurrent term shows
        CellParameters spread = CellKernels.parameters(5, nIn, N, 1, false);
        CellParameters weights = new CellParameters(spread.inputWeights(), spread.recurrentWeights().mul(0.3),
                spread.bias(), null);
        INDArray startH = CellKernels.gaussian(6, BATCH, N).muli(0.5);
        INDArray epsilon = CellKernels.gaussian(8, (long) STEPS * BATCH, N);

        RnnPass reference = RnnReference.forward(window, new RnnArrays(), startH, weights);
        RnnPass kernel = RnnKernel.forward(window, new RnnArrays(), startH, weights);
        assertFalse(reference.onFloatKernel);
        assertTrue(kernel.onFloatKernel);
        assertEquals(0, CellKernels.relativeDifference(reference.h, kernel.h), 1e-5, "h");

        CellParameters referenceGradients = CellKernels.gradients(nIn, N, 1, false);
        CellParameters kernelGradients = CellKernels.gradients(nIn, N, 1, false);
        INDArray referenceDx = RnnReference.backward(reference, new RnnArrays(), epsilon, weights, referenceGradients);
        INDArray kernelDx = RnnKernel.backward(kernel, new RnnArrays(), epsilon, weights, kernelGradients);
        assertEquals(0, CellKernels.relativeDifference(referenceDx, kernelDx), 1e-4, "dL/dx");
        assertEquals(0, CellKernels.relativeDifference(referenceGradients.inputWeights(), kernelGradients.inputWeights()),
                1e-4, "dW");
        assertEquals(0, CellKernels.relativeDifference(referenceGradients.recurrentWeights(),
                kernelGradients.recurrentWeights()), 1e-4, "dRW");
        assertEquals(0, CellKernels.relativeDifference(referenceGradients.bias(), kernelGradients.bias()), 1e-4, "db");
    }
}
