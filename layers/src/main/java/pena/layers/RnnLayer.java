package pena.layers;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import pena.layers.cells.CellParameters;
import pena.layers.cells.RnnArrays;
import pena.layers.cells.RnnKernel;
import pena.layers.cells.RnnPass;
import pena.layers.cells.RnnReference;
import pena.layers.cells.Window;

import java.util.List;
import java.util.Map;

/**
 * Runs an {@link Rnn} in a network: the float kernel ({@link RnnKernel}) or the ND4J reference
 * ({@link RnnReference}) over each window, state carried as {@link RecurrentCellLayer} does it.
 * Carried state: h.
 */
public final class RnnLayer extends RecurrentCellLayer<Rnn, RnnPass> {
    private final RnnArrays trainingArrays = new RnnArrays();
    private final RnnArrays inferenceArrays = new RnnArrays();

    RnnLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType, List.of(STATE_H));
    }

    @Override
    RnnPass forward(Window window, Map<String, INDArray> start, boolean training) {
        RnnArrays arrays = training ? trainingArrays : inferenceArrays;
        return floatKernels()
                ? RnnKernel.forward(window, arrays, start.get(STATE_H), weights())
                : RnnReference.forward(window, arrays, start.get(STATE_H), weights());
    }

    @Override
    INDArray backward(RnnPass pass, INDArray epsilon, CellParameters gradients) {
        return pass.onFloatKernel
                ? RnnKernel.backward(pass, trainingArrays, epsilon, weights(), gradients)
                : RnnReference.backward(pass, trainingArrays, epsilon, weights(), gradients);
    }

    @Override
    Map<String, INDArray> endState(RnnPass pass) {
        return Map.of(STATE_H, pass.hBefore(pass.steps).dup('c'));
    }
}
