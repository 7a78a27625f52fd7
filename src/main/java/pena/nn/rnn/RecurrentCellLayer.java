package pena.nn.rnn;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.recurrent.BaseRecurrentLayer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.memory.conf.WorkspaceConfiguration;
import org.nd4j.linalg.api.memory.enums.AllocationPolicy;
import org.nd4j.linalg.api.memory.enums.LearningPolicy;
import org.nd4j.linalg.api.memory.enums.ResetPolicy;
import org.nd4j.linalg.api.memory.enums.SpillPolicy;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.deeplearning4j.nn.api.MaskState;
import org.nd4j.linalg.factory.Nd4j;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The running half of Pena's recurrent layers: state handling for {@code rnnTimeStep} and
 * truncated BPTT, masks, dropout and the DL4J plumbing, around a cell's {@link #forward} and
 * {@link #backward} over one window.
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
public abstract class RecurrentCellLayer<C extends RecurrentCellConfig> extends BaseRecurrentLayer<C> {
    /**
     * Scratch memory for one time step: ND4J's allocation of a fresh off-heap buffer costs more
     * than the arithmetic on it (a third of training time in a profile), so the temporaries of a
     * step come from a workspace that is rewound after each step.
     */
    private static final WorkspaceConfiguration STEP_WORKSPACE = WorkspaceConfiguration.builder()
            .initialSize(0).overallocationLimit(0.2)
            .policyAllocation(AllocationPolicy.OVERALLOCATE).policyLearning(LearningPolicy.FIRST_LOOP)
            .policyReset(ResetPolicy.BLOCK_LEFT).policySpill(SpillPolicy.REALLOCATE).build();
    private static final String STEP_WORKSPACE_ID = "PENA_RNN_STEP";

    /**
     * Off for tests that compare the fast float path with the reference one: every pass then
     * goes through ND4J operations (see {@link #fastPath}).
     */
    static volatile boolean fastPathEnabled = true;

    /** Window-sized arrays, kept from one window to the next of the same shape (see {@link #buffer}). */
    private final Map<String, INDArray> buffers = new HashMap<>();
    private final Map<String, float[]> heapBuffers = new HashMap<>();
    private String purpose = "i";
    /** The current input's rows as one-hot indices (see {@link OneHotRows}), or null. */
    private int[] oneHotInput;
    private Pass trainingPass;

    private final List<String> stateNames;

    /** @param stateNames names of the carried states: "h", plus "c" for the LSTM */
    protected RecurrentCellLayer(NeuralNetConfiguration conf, DataType dataType, List<String> stateNames) {
        super(conf, dataType);
        this.stateNames = List.copyOf(stateNames);
    }

    protected final List<String> stateNames() {
        return stateNames;
    }

    /** Runs the cell over a window; x is time-major [T·batch, nIn], start states [batch, n]. */
    abstract Pass forward(INDArray x, INDArray mask, long steps, long batch, Map<String, INDArray> start);

    /**
     * Backpropagates a window: fills the gradient views and returns dL/dx, time-major
     * [T·batch, nIn]. {@code epsilon} is dL/dh for each step, time-major [T·batch, n].
     */
    abstract INDArray backward(Pass pass, INDArray epsilon, Map<String, INDArray> gradients);

    /** dL/dh of every step as time-major rows on the heap: the fast path's backward input. */
    static final String EPSILON_ROWS = "epsilon";

    /**
     * dL/dh of every step as time-major rows on the heap: what {@link #backpropGradient} left in
     * the pass, or else the time-major {@code epsilon} copied out.
     */
    protected float[] epsilonRows(Pass pass, INDArray epsilon) {
        float[] rows = pass.heap.get(EPSILON_ROWS);
        if (rows == null) {
            rows = heap("eps", (int) (pass.steps * pass.batch * hiddenSize()));
            Blas.of(epsilon).read(rows, 0);
        }
        return rows;
    }

    /** Opens the scratch memory of one time step; close it when the step is done. */
    protected static MemoryWorkspace stepScope() {
        return Nd4j.getWorkspaceManager().getAndActivateWorkspace(STEP_WORKSPACE, STEP_WORKSPACE_ID);
    }

    /**
     * A [rows, cols] array of this layer's for {@code name}, reused while the shape stays the
     * same. Training passes, inference passes and backward passes use separate sets, so an
     * evaluation between two training windows does not overwrite the pass a backward needs.
     * Contents are not cleared.
     */
    protected INDArray buffer(String name, long rows, long cols) {
        String key = purpose + "." + name;
        INDArray array = buffers.get(key);
        if (array == null || array.size(0) != rows || array.size(1) != cols || array.dataType() != dataType) {
            array = Nd4j.createUninitialized(dataType, rows, cols);
            buffers.put(key, array);
        }
        return array;
    }

    /** A Java array of at least {@code size} floats for {@code name}, reused like {@link #buffer}; not cleared. */
    protected float[] heap(String name, int size) {
        String key = purpose + "." + name;
        float[] array = heapBuffers.get(key);
        if (array == null || array.length < size) {
            array = new float[size];
            heapBuffers.put(key, array);
        }
        return array;
    }

    /**
     * Whether passes run on the fast float path: per step one {@code cblas_sgemm} call and the
     * gate arithmetic in Java loops the JIT vectorizes (instead of a dozen ND4J calls with their
     * views). Double precision (gradient checks) takes the reference path of ND4J operations;
     * tests check that both give the same outputs and gradients.
     */
    protected boolean fastPath() {
        return fastPathEnabled && dataType == DataType.FLOAT;
    }

    /** The rows of the input being run as one-hot indices, or null when it is not one-hot (fast path only). */
    protected int[] oneHotInput() {
        return oneHotInput;
    }

    /** A [1, rows] row of ones: column sums as one matrix product, much faster than ND4J's sum over rows. */
    protected INDArray ones(long rows) {
        String key = "ones";
        INDArray array = buffers.get(key);
        if (array == null || array.size(1) != rows || array.dataType() != dataType) {
            array = Nd4j.ones(dataType, 1, rows);
            buffers.put(key, array);
        }
        return array;
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
        Pass pass = trainingPass;
        trainingPass = null;
        INDArray inputGradient;
        try (MemoryWorkspace ignored = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
            purpose = "b";
            INDArray eps = permuteIfNWC(epsilon).castTo(dataType);
            INDArray timeMajor = buffer("epsilon", pass.steps * pass.batch, hiddenSize());
            if (!pass.heap.isEmpty() && TimeMajor.applies(eps)) { // the fast backward reads the rows from the heap
                float[] rows = heap("epsilonRows", (int) eps.length());
                TimeMajor.read(eps, heap("scratch", (int) eps.length()), rows);
                pass.heap.put(EPSILON_ROWS, rows);
            } else {
                timeMajor.reshape('c', pass.steps, pass.batch, hiddenSize()).assign(eps.permute(2, 0, 1));
            }
            inputGradient = backward(pass, timeMajor, gradientViews);
        }
        long nIn = pass.x.size(1);
        INDArray epsOut = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, dataType,
                new long[]{pass.batch, nIn, pass.steps}, 'f');
        if (fastPath() && TimeMajor.applies(epsOut)) {
            float[] rows = heap("inputGradientRows", (int) epsOut.length());
            Blas.of(inputGradient).read(rows, 0);
            TimeMajor.write(rows, 0, heap("scratch", (int) epsOut.length()), epsOut);
        } else {
            epsOut.assign(inputGradient.reshape('c', pass.steps, pass.batch, nIn).permute(1, 2, 0));
        }
        Gradient gradient = new DefaultGradient(gradientsFlattened);
        for (String key : gradientViews.keySet()) {
            gradient.gradientForVariable().put(key, gradientViews.get(key));
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
        Pass pass;
        Map<String, INDArray> end = new HashMap<>();
        try (MemoryWorkspace ignored = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
            purpose = training ? "t" : "i";
            INDArray x = buffer("x", steps * batch, nIn);
            if (fastPath() && TimeMajor.applies(in)) {
                float[] rows = heap("inputRows", (int) in.length());
                TimeMajor.read(in, heap("scratch", (int) in.length()), rows);
                Blas.of(x).write(rows, 0);
                oneHotInput = OneHotRows.find(rows, (int) (steps * batch), (int) nIn);
            } else {
                x.reshape('c', steps, batch, nIn).assign(in.permute(2, 0, 1));
                oneHotInput = null;
                if (fastPath()) {
                    float[] rows = heap("inputRows", (int) in.length());
                    Blas.of(x).read(rows, 0);
                    oneHotInput = OneHotRows.find(rows, (int) (steps * batch), (int) nIn);
                }
            }
            INDArray mask = maskArray == null ? null
                    : maskArray.castTo(dataType).transpose().dup('c').reshape('c', steps * batch, 1);
            Map<String, INDArray> from = new HashMap<>();
            for (String name : stateNames()) {
                INDArray state = start == null ? null : start.get(name);
                if (state != null && state.size(0) != batch) {
                    throw new IllegalStateException("the carried state has batch " + state.size(0)
                            + " but the input has batch " + batch + ": clear the state first");
                }
                from.put(name, state == null ? Nd4j.zeros(dataType, batch, n) : state.castTo(dataType));
            }
            pass = forward(x, mask, steps, batch, from);
            for (String name : stateNames()) {
                end.put(name, pass.before(name, steps).dup('c'));
            }
        }
        if (training) {
            trainingPass = pass;
        }
        INDArray output = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, dataType,
                new long[]{batch, n, steps}, 'f');
        if (pass.heap.containsKey("h") && TimeMajor.applies(output)) { // the fast path keeps h on the heap
            TimeMajor.write(pass.heap.get("h"), (int) (batch * n), heap("outputScratch", (int) output.length()), output);
        } else {
            output.assign(pass.allAfter("h").reshape('c', steps, batch, n).permute(1, 2, 0));
        }
        return new Pair<>(permuteIfNWC(output), end);
    }
}
