package pena.layers;

import org.deeplearning4j.nn.api.MaskState;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.recurrent.BaseRecurrentLayer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import pena.layers.cells.CellParameters;
import pena.layers.cells.Window;
import pena.layers.cells.WindowPass;
import pena.layers.kernels.Blas;
import pena.layers.kernels.KernelChoice;
import pena.layers.kernels.OneHotRows;
import pena.layers.kernels.ReusedArray;
import pena.layers.kernels.ReusedFloats;
import pena.layers.kernels.TimeMajor;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static pena.layers.RecurrentParamInitializer.BIAS;
import static pena.layers.RecurrentParamInitializer.INPUT_WEIGHTS;
import static pena.layers.RecurrentParamInitializer.RECURRENT_BIAS;
import static pena.layers.RecurrentParamInitializer.RECURRENT_WEIGHTS;

/**
 * The running half of Pena's recurrent layers: state handling for {@code rnnTimeStep} and
 * truncated BPTT, masks, dropout and the DL4J plumbing, around a cell's {@link #forward} and
 * {@link #backward} over one window (the arithmetic itself is in {@code pena.layers.cells}).
 *
 * <p>Truncated BPTT. DL4J 1.0.0-M2.1 runs the forward pass of a TBPTT window through
 * {@code rnnActivateUsingStoredState} (state carried from the previous window) and then calls
 * plain {@code backpropGradient}, where its own LSTM recomputes the window from a zero state.
 * Here every training forward pass is kept, including the state it started from, and the
 * backward pass runs over exactly that pass: the gradient is the true gradient of the window's
 * loss, with the start state a constant (what PyTorch's {@code detach} makes it).
 *
 * <p>Arrays of a pass are allocated outside DL4J's workspaces (they must outlive the forward
 * pass's workspace scope); what goes back to DL4J is copied into its workspaces.
 */
public abstract class RecurrentCellLayer<C extends RecurrentCellConfig, P extends WindowPass>
        extends BaseRecurrentLayer<C> {
    /** The carried state's name for h in DL4J's state maps ({@code rnnGetPreviousState}). */
    public static final String STATE_H = "h";
    /** The LSTM's cell state C in DL4J's state maps. */
    public static final String STATE_C = "c";

    // Window-sized arrays kept from one window to the next: the input of training and of
    // inference passes apart (a backward reads its training pass's input), the rest transient.
    private final ReusedArray trainingInput = new ReusedArray();
    private final ReusedArray inferenceInput = new ReusedArray();
    private final ReusedArray timeMajorEpsilon = new ReusedArray();
    private final ReusedFloats inputRows = new ReusedFloats();
    private final ReusedFloats epsilonRows = new ReusedFloats();
    private final ReusedFloats inputGradientRows = new ReusedFloats();
    private final ReusedFloats transposeScratch = new ReusedFloats();
    private P trainingPass;
    /** Whether backpropGradient returns dL/dinput; see {@link #inputGradientWanted(boolean)}. */
    private boolean inputGradientWanted = true;

    private final List<String> stateNames;

    /** @param stateNames names of the carried states: {@link #STATE_H}, plus {@link #STATE_C} for the LSTM */
    protected RecurrentCellLayer(NeuralNetConfiguration conf, DataType dataType, List<String> stateNames) {
        super(conf, dataType);
        this.stateNames = List.copyOf(stateNames);
    }

    /**
     * Runs the cell over a window from the start states ([batch, n] by state name), on the
     * float kernel where {@link #floatKernels()} says so, else on the reference path.
     */
    abstract P forward(Window window, Map<String, INDArray> start, boolean training);

    /**
     * Backpropagates a pass on the path that computed it: fills the gradient views and returns
     * dL/dx, time-major [T·batch, nIn]. {@code epsilon} is dL/dh for each step, time-major [T·batch, n].
     */
    abstract INDArray backward(P pass, INDArray epsilon, CellParameters gradients);

    /** The end state of a pass by state name, [batch, n] each. */
    abstract Map<String, INDArray> endState(P pass);

    /** Whether this layer's passes take the float kernels (see {@link KernelChoice}). */
    /**
     * Whether the next backward passes compute dL/dinput. {@link StatefulNetwork} turns it off
     * for its first layer while it trains (MultiLayerNetwork drops that gradient) and back on
     * after, so that {@code calculateGradients} and a layer used elsewhere still get it.
     */
    void inputGradientWanted(boolean wanted) {
        inputGradientWanted = wanted;
    }

    protected boolean floatKernels() {
        return KernelChoice.floatKernels(dataType);
    }

    /** The layer's parameters by what they are. */
    protected CellParameters weights() {
        return parameters(paramTable(false));
    }

    /** Parameters (or gradients) by DL4J's names, as {@link CellParameters}. */
    static CellParameters parameters(Map<String, INDArray> byName) {
        return new CellParameters(byName.get(INPUT_WEIGHTS), byName.get(RECURRENT_WEIGHTS), byName.get(BIAS),
                byName.get(RECURRENT_BIAS));
    }

    public long hiddenSize() {
        return layerConf().getNOut();
    }

    @Override
    public Type type() {
        return Type.RECURRENT;
    }

    @Override
    public boolean isPretrainLayer() {
        return false;
    }

    @Override
    public Gradient gradient() {
        throw new UnsupportedOperationException("a recurrent layer has no layerwise pretraining gradient");
    }

    @Override
    public Pair<INDArray, MaskState> feedForwardMaskArray(INDArray maskArray, MaskState currentMaskState,
                                                          int minibatchSize) {
        // like DL4J's LSTM: the mask is applied inside (masked steps give zero output and state)
        return new Pair<>(maskArray, MaskState.Passthrough);
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        return run(training, null, workspaceMgr).getFirst();
    }

    @Override
    public INDArray activate(INDArray input, boolean training, LayerWorkspaceMgr workspaceMgr) {
        setInput(input, workspaceMgr);
        return activate(training, workspaceMgr);
    }

    @Override
    public INDArray rnnTimeStep(INDArray input, LayerWorkspaceMgr workspaceMgr) {
        setInput(input, workspaceMgr);
        Pair<INDArray, Map<String, INDArray>> result = run(false, stateMap, workspaceMgr);
        stateMap.clear();
        stateMap.putAll(result.getSecond());
        return result.getFirst();
    }

    @Override
    public INDArray rnnActivateUsingStoredState(INDArray input, boolean training, boolean storeLastForTBPTT,
                                                LayerWorkspaceMgr workspaceMgr) {
        setInput(input, workspaceMgr);
        Pair<INDArray, Map<String, INDArray>> result = run(training, tBpttStateMap, workspaceMgr);
        if (storeLastForTBPTT) {
            tBpttStateMap.clear();
            tBpttStateMap.putAll(result.getSecond());
        }
        return result.getFirst();
    }

    @Override
    public Pair<Gradient, INDArray> tbpttBackpropGradient(INDArray epsilon, int tbpttBackLength,
                                                          LayerWorkspaceMgr workspaceMgr) {
        return backpropGradient(epsilon, workspaceMgr);
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(true);
        if (trainingPass == null) { // no training forward pass since the last backward: standard BPTT from zero
            run(true, null, workspaceMgr);
        }
        P pass = trainingPass;
        trainingPass = null;
        INDArray inputGradient;
        try (MemoryWorkspace ignored = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
            INDArray eps = permuteIfNWC(epsilon).castTo(dataType);
            INDArray timeMajor = timeMajorEpsilon.get(dataType, (long) pass.steps * pass.batch, hiddenSize());
            if (pass.onFloatKernel && TimeMajor.applies(eps)) { // the float kernel reads the rows as a Java array
                float[] rows = epsilonRows.get((int) eps.length());
                TimeMajor.read(eps, transposeScratch.get((int) eps.length()), rows);
                pass.epsilonRows = rows;
            } else {
                timeMajor.reshape('c', pass.steps, pass.batch, hiddenSize()).assign(eps.permute(2, 0, 1));
            }
            pass.inputGradientWanted = inputGradientWanted;
            inputGradient = backward(pass, timeMajor, parameters(gradientViews));
        }
        Gradient gradient = new DefaultGradient(gradientsFlattened);
        for (String key : gradientViews.keySet()) {
            gradient.gradientForVariable().put(key, gradientViews.get(key));
        }
        if (!inputGradientWanted) { // MultiLayerNetwork takes a null for "no gradient below this layer"
            weightNoiseParams.clear();
            return new Pair<>(gradient, null);
        }
        long nIn = pass.window.x().size(1);
        INDArray epsOut = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, dataType,
                new long[]{pass.batch, nIn, pass.steps}, 'f');
        if (floatKernels() && TimeMajor.applies(epsOut)) {
            float[] rows = inputGradientRows.get((int) epsOut.length());
            Blas.of(inputGradient).read(rows, 0);
            TimeMajor.write(rows, 0, transposeScratch.get((int) epsOut.length()), epsOut);
        } else {
            epsOut.assign(inputGradient.reshape('c', pass.steps, pass.batch, nIn).permute(1, 2, 0));
        }
        weightNoiseParams.clear();
        return new Pair<>(gradient, permuteIfNWC(backpropDropOutIfPresent(epsOut)));
    }

    /** Forward over the current input from the given start state; returns the output and the end state. */
    private Pair<INDArray, Map<String, INDArray>> run(boolean training, Map<String, INDArray> start,
                                                      LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(false);
        if (input.rank() != 3) {
            throw new IllegalStateException(layerConf().getClass().getSimpleName() + " (layer " + index
                    + ") expects input [batch, features, time], got rank " + input.rank());
        }
        applyDropOutIfNecessary(training, workspaceMgr);
        INDArray in = permuteIfNWC(input).castTo(dataType);
        long batch = in.size(0);
        long nIn = in.size(1);
        long steps = in.size(2);
        long n = hiddenSize();
        P pass;
        Map<String, INDArray> end;
        try (MemoryWorkspace ignored = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
            INDArray x = (training ? trainingInput : inferenceInput).get(dataType, steps * batch, nIn);
            int[] hot = null;
            if (floatKernels()) { // the rows as a Java array too: the float kernel gathers one-hot rows
                float[] rows = inputRows.get((int) in.length());
                if (TimeMajor.applies(in)) {
                    TimeMajor.read(in, transposeScratch.get((int) in.length()), rows);
                    Blas.of(x).write(rows, 0);
                } else {
                    x.reshape('c', steps, batch, nIn).assign(in.permute(2, 0, 1));
                    Blas.of(x).read(rows, 0);
                }
                hot = OneHotRows.find(rows, (int) (steps * batch), (int) nIn);
            } else {
                x.reshape('c', steps, batch, nIn).assign(in.permute(2, 0, 1));
            }
            INDArray mask = maskArray == null ? null
                    : maskArray.castTo(dataType).transpose().dup('c').reshape('c', steps * batch, 1);
            Map<String, INDArray> from = new HashMap<>();
            for (String name : stateNames) {
                INDArray state = start == null ? null : start.get(name);
                if (state != null && state.size(0) != batch) {
                    throw new IllegalStateException("the carried state has batch " + state.size(0)
                            + " but the input has batch " + batch + ": clear the state first");
                }
                from.put(name, state == null ? Nd4j.zeros(dataType, batch, n) : state.castTo(dataType));
            }
            pass = forward(new Window(x, mask, hot, (int) steps, (int) batch), from, training);
            end = endState(pass);
        }
        if (training) {
            trainingPass = pass;
        }
        INDArray output = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, dataType,
                new long[]{batch, n, steps}, 'f');
        if (pass.onFloatKernel && TimeMajor.applies(output)) { // the float kernel's h is a Java array
            TimeMajor.write(pass.hRows, (int) (batch * n), transposeScratch.get((int) output.length()), output);
        } else {
            output.assign(pass.allHAfter().reshape('c', steps, batch, n).permute(1, 2, 0));
        }
        return new Pair<>(permuteIfNWC(output), end);
    }
}
