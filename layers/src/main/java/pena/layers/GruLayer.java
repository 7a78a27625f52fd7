package pena.layers;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import pena.layers.cells.CellParameters;
import pena.layers.cells.GruArrays;
import pena.layers.cells.GruKernel;
import pena.layers.cells.GruPass;
import pena.layers.cells.GruReference;
import pena.layers.cells.Window;

import java.util.List;
import java.util.Map;

/**
 * Runs a {@link Gru} in a network: the float kernel ({@link GruKernel}, reset-after form) or the
 * ND4J reference ({@link GruReference}, both forms) over each window, state carried as
 * {@link RecurrentCellLayer} does it. Carried state: h.
 */
public final class GruLayer extends RecurrentCellLayer<Gru, GruPass> {
    private final GruArrays trainingArrays = new GruArrays();
    private final GruArrays inferenceArrays = new GruArrays();

    GruLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType, List.of(STATE_H));
    }

    @Override
    GruPass forward(Window window, Map<String, INDArray> start, boolean training) {
        GruArrays arrays = training ? trainingArrays : inferenceArrays;
        boolean resetAfter = layerConf().isResetAfter();
        return resetAfter && floatKernels()
                ? GruKernel.forward(window, arrays, start.get(STATE_H), weights())
                : GruReference.forward(window, arrays, start.get(STATE_H), weights(), resetAfter);
    }

    @Override
    INDArray backward(GruPass pass, INDArray epsilon, CellParameters gradients) {
        return pass.onFloatKernel
                ? GruKernel.backward(pass, trainingArrays, epsilon, weights(), gradients)
                : GruReference.backward(pass, trainingArrays, epsilon, weights(), gradients);
    }

    @Override
    Map<String, INDArray> endState(GruPass pass) {
        return Map.of(STATE_H, pass.hBefore(pass.steps).dup('c'));
    }
}
