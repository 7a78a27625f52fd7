package pena.layers;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.layers.RecurrentLayer;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.optimize.Solver;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import org.deeplearning4j.nn.api.FwdPassType;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import pena.layers.kernels.KernelChoice;
import pena.layers.kernels.TimeMajor;

import java.util.HashMap;
import java.util.Optional;
import java.util.Map;

/**
 * A {@code MultiLayerNetwork} whose truncated-BPTT training carries the recurrent state from
 * one {@code fit} call to the next.
 *
 * <p>DL4J's {@code fit} with {@code BackpropType.TruncatedBPTT} clears every layer's state
 * before and after each call, so a training loop over windows would start every window from a
 * zero state. Here one call is one window, and the state the layers stored at the end of the
 * previous window (their TBPTT state) is where the next window starts:
 *
 * <pre>
 *   window k:   h(start) = h(end of window k-1)  ──►  forward, loss, backward, update
 *               (gradients stop at the window's start: the state is a constant, as
 *                PyTorch's repackage_hidden makes it)
 * </pre>
 *
 * Streams whose next window starts a new document are reset with {@link #resetStreams}.
 */
public class StatefulNetwork extends MultiLayerNetwork {

    /** The optimizer step in one pass over the parameters, where the configuration allows it (see {@link FusedAdam}). */
    private Optional<FusedAdam> fusedAdam;

    public StatefulNetwork(MultiLayerConfiguration configuration) {
        super(configuration);
    }

    /** Takes over a restored network's configuration, parameters and optimizer state. */
    public static StatefulNetwork of(MultiLayerNetwork restored) {
        StatefulNetwork network = new StatefulNetwork(restored.getLayerWiseConfigurations().clone());
        network.init(restored.params().dup(), false);
        if (restored.getUpdater(false) != null && restored.getUpdater().getStateViewArray() != null) {
            network.getUpdater().setStateViewArray(network, restored.getUpdater().getStateViewArray().dup(), false);
        }
        return network;
    }

    /**
     * One window of TBPTT: forward from the carried state, backward within the window, one
     * optimizer step. Unlike {@code MultiLayerNetwork}'s version, nothing is cleared.
     */
    @Override
    protected void doTruncatedBPTT(INDArray input, INDArray labels, INDArray featuresMask, INDArray labelsMask,
                                   LayerWorkspaceMgr workspaceMgr) {
        setInput(input);
        setLabels(labels);
        setLayerMaskArrays(featuresMask, labelsMask);
        if (solver == null) {
            try (MemoryWorkspace ignored = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
                solver = new Solver.Builder().configure(conf()).listeners(getListeners()).model(this).build();
            }
        }
        if (fusedAdam == null) {
            fusedAdam = FusedAdam.of(this);
        }
        if (fusedAdam.isPresent() && KernelChoice.floatKernels(params().dataType()) && getListeners().isEmpty()) {
            // the first layer's dL/dinput is dropped by MultiLayerNetwork: not computed at all
            RecurrentCellLayer<?, ?> first = getLayers()[0] instanceof RecurrentCellLayer<?, ?> cell
                    && getLayerWiseConfigurations().getInputPreProcess(0) == null ? cell : null;
            if (first != null) {
                first.inputGradientWanted(false);
            }
            try {
                computeGradientAndScore(workspaceMgr);
            } finally {
                if (first != null) {
                    first.inputGradientWanted(true);
                }
            }
            fusedAdam.get().step(getIterationCount(), batchSize());
            setIterationCount(getIterationCount() + 1);
        } else {
            solver.optimize(workspaceMgr);
        }
        clearLayerMaskArrays();
    }

    /**
     * Zeroes the carried training state of the streams marked {@code true} (their next window
     * starts a document, or the epoch starts). A state of another batch size is dropped whole.
     */
    public void resetStreams(boolean[] reset) {
        Layer[] layers = getLayers();
        for (Layer layer : layers) {
            if (layer instanceof RecurrentLayer recurrent) {
                recurrent.rnnSetTBPTTState(zeroRows(recurrent.rnnGetTBPTTState(), reset));
            }
        }
    }

    /** As {@link #resetStreams}, for the state that {@code rnnTimeStep} carries (evaluation). */
    public void resetInferenceStreams(boolean[] reset) {
        Layer[] layers = getLayers();
        for (int i = 0; i < layers.length; i++) {
            if (layers[i] instanceof RecurrentLayer) {
                rnnSetPreviousState(i, zeroRows(rnnGetPreviousState(i), reset));
            }
        }
    }

    /** The state with the rows of the reset streams zeroed; empty if its batch size differs. */
    private static Map<String, INDArray> zeroRows(Map<String, INDArray> state, boolean[] reset) {
        boolean any = false;
        float[] keep = new float[reset.length];
        for (int b = 0; b < reset.length; b++) {
            keep[b] = reset[b] ? 0f : 1f;
            any |= reset[b];
        }
        Map<String, INDArray> kept = new HashMap<>();
        for (Map.Entry<String, INDArray> entry : state.entrySet()) {
            INDArray value = entry.getValue();
            if (value.rank() != 2 || value.size(0) != reset.length) {
                return new HashMap<>();
            }
            kept.put(entry.getKey(), any ? value.mulColumnVector(
                    Nd4j.create(keep, new long[]{reset.length, 1}).castTo(value.dataType())) : value);
        }
        return kept;
    }

    /**
     * Forgets the state that {@code rnnTimeStep} carries (sampling, evaluation) without touching
     * the training state, so a model can be evaluated in the middle of a run.
     */
    public void clearInferenceState() {
        Layer[] layers = getLayers();
        for (int i = 0; i < layers.length; i++) {
            if (layers[i] instanceof RecurrentLayer) {
                rnnSetPreviousState(i, new HashMap<>());
            }
        }
    }

    /**
     * ln p of each target after the input [B, size, T] (row t·B + b of {@code targets}; -1 for
     * none, giving NaN), with the state carried exactly as {@code rnnTimeStep} carries it. With
     * Pena's output layer only the targets' probabilities leave it: evaluation at a large
     * vocabulary does not lay out every probability of every step; any other output layer's
     * probabilities are read from {@code rnnTimeStep}.
     */
    public double[] rnnTimeStepTargetLogProbabilities(INDArray input, int[] targets) {
        Layer[] layers = getLayers();
        if (layers.length >= 2 && layers[layers.length - 1] instanceof TimeMajorOutputLayer output) {
            INDArray hidden = outputOfLayerDetached(false, FwdPassType.RNN_TIMESTEP, layers.length - 2, input, null,
                    null, null);
            InputPreProcessor preProcessor = getLayerWiseConfigurations().getInputPreProcess(layers.length - 1);
            if (preProcessor != null) {
                hidden = preProcessor.preProcess(hidden, (int) input.size(0), LayerWorkspaceMgr.noWorkspaces());
            }
            if (hidden.ordering() != 'f' || !TimeMajor.applies(hidden)) { // e.g. odd strides on a size-1 batch
                hidden = hidden.dup('f');
            }
            double[] logProbabilities = output.targetLogProbabilities(hidden, targets);
            if (logProbabilities == null) { // its float kernel does not apply: the probabilities, same state
                return logOf(output.activate(hidden, false, LayerWorkspaceMgr.noWorkspaces()), targets);
            }
            return logProbabilities;
        }
        return logOf(rnnTimeStep(input), targets);
    }

    /** ln p of each row's target (row t·B + b) from [B, size, T] probabilities; NaN without a target. */
    private static double[] logOf(INDArray p, int[] targets) {
        long batch = p.size(0);
        double[] logProbabilities = new double[targets.length];
        for (int r = 0; r < targets.length; r++) {
            logProbabilities[r] = targets[r] < 0 ? Double.NaN : Math.log(p.getDouble(r % batch, targets[r], r / batch));
        }
        return logProbabilities;
    }

    /**
     * Sets the learning rate of every layer's updater in place, for a schedule the caller runs
     * (one value per window). DL4J's own {@code setLearningRate} rebuilds the updater and its
     * state array each time; here the updater configurations the updater blocks already hold
     * are changed, which is what both DL4J's updaters and {@link FusedAdam} read at every step.
     * Layers without an updater (no parameters) are skipped; biases follow their layer.
     */
    public void learningRate(double rate) {
        for (Layer layer : getLayers()) {
            if (layer.conf().getLayer() instanceof org.deeplearning4j.nn.conf.layers.BaseLayer base) {
                setRate(base.getIUpdater(), rate);
                setRate(base.getBiasUpdater(), rate);
            }
        }
    }

    private static void setRate(org.nd4j.linalg.learning.config.IUpdater updater, double rate) {
        if (updater != null && updater.hasLearningRate()) {
            updater.setLrAndSchedule(rate, null);
        }
    }

    /** Forgets all carried state, for training and for {@code rnnTimeStep}. */
    public void clearState() {
        rnnClearPreviousState();
    }

    /** The carried training state of each recurrent layer (copies), for tests and inspection. */
    public Map<Integer, Map<String, INDArray>> trainingState() {
        Map<Integer, Map<String, INDArray>> states = new HashMap<>();
        Layer[] layers = getLayers();
        for (int i = 0; i < layers.length; i++) {
            if (layers[i] instanceof RecurrentLayer recurrent) {
                Map<String, INDArray> copy = new HashMap<>();
                recurrent.rnnGetTBPTTState().forEach((k, v) -> copy.put(k, v.dup()));
                states.put(i, copy);
            }
        }
        return states;
    }
}
