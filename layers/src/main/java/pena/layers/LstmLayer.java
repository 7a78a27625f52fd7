package pena.layers;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import pena.layers.cells.CellParameters;
import pena.layers.cells.LstmArrays;
import pena.layers.cells.LstmKernel;
import pena.layers.cells.LstmPass;
import pena.layers.cells.LstmReference;
import pena.layers.cells.Window;

import java.util.List;
import java.util.Map;

/**
 * Runs an {@link Lstm} in a network: the float kernel ({@link LstmKernel}) or the ND4J reference
 * ({@link LstmReference}) over each window, state carried as {@link RecurrentCellLayer} does it.
 * Carried states: h and the cell state C.
 */
public final class LstmLayer extends RecurrentCellLayer<Lstm, LstmPass> {
    private final LstmArrays trainingArrays = new LstmArrays();
    private final LstmArrays inferenceArrays = new LstmArrays();

    LstmLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType, List.of(STATE_H, STATE_C));
    }

    @Override
    LstmPass forward(Window window, Map<String, INDArray> start, boolean training) {
        LstmArrays arrays = training ? trainingArrays : inferenceArrays;
        return floatKernels()
                ? LstmKernel.forward(window, arrays, start.get(STATE_H), start.get(STATE_C), weights())
                : LstmReference.forward(window, arrays, start.get(STATE_H), start.get(STATE_C), weights());
    }

    @Override
    INDArray backward(LstmPass pass, INDArray epsilon, CellParameters gradients) {
        return pass.onFloatKernel
                ? LstmKernel.backward(pass, trainingArrays, epsilon, weights(), gradients)
                : LstmReference.backward(pass, trainingArrays, epsilon, weights(), gradients);
    }

    @Override
    Map<String, INDArray> endState(LstmPass pass) {
        return Map.of(STATE_H, pass.hBefore(pass.steps).dup('c'), STATE_C, pass.cBefore(pass.steps).dup('c'));
    }
}
