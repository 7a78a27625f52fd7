package pena.layers;

import org.deeplearning4j.nn.api.MaskState;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.BaseOutputLayer;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.util.TimeSeriesUtils;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;

import pena.layers.kernels.Blas;
import pena.layers.kernels.KernelChoice;
import pena.layers.kernels.ReusedFloats;
import pena.layers.kernels.SoftmaxWindow;
import pena.layers.kernels.TimeMajor;


/**
 * The layer of {@link TimeMajorOutput}: a dense layer with softmax and loss applied to every time
 * step, like DL4J's {@code RnnOutputLayer}. The dense part works on [batch·T, size] rows, row
 * t·batch + b for step t of stream b (the order DL4J's own layer and mask use). DL4J reaches
 * those rows by permuting and copying through ND4J strides, three to five times per window
 * (input, labels, output or gradient); here each is a transpose per step in Java, to row-major
 * rows, which also keeps the softmax on contiguous rows. Arrays that are not float [B, C, T]
 * in 'f' order take DL4J's own conversions.
 *
 * <p>Labels are one-hot [B, nOut, T], as for {@code RnnOutputLayer}, or class indices
 * [B, 1, T] (as DL4J's {@code LossSparseMCXENT} takes them; the loss stays {@code LossMCXENT}):
 * at a 10 000-word vocabulary a one-hot window is 20 MB to build and to read.
 *
 * <p>For float softmax with cross-entropy (Pena's networks) the score and the backward pass take
 * {@link SoftmaxWindow}: whole-window products cut over the cores. DL4J asks for the gradient
 * and then for the score of the same window, each recomputing the logits; the score the backward
 * pass found is kept for that one request.
 */
public class TimeMajorOutputLayer extends BaseOutputLayer<TimeMajorOutput> {
    private final ReusedFloats rowsScratch = new ReusedFloats();
    private final ReusedFloats transposeScratch = new ReusedFloats();
    private SoftmaxWindow softmaxWindow;
    /** The loss the last float-kernel backward pass found, for the score request of the same window. */
    private ScoredWindow scored;

    private record ScoredWindow(INDArray input, INDArray labels, INDArray mask, double loss) {
    }

    /** The targets of the labels last read, kept while the same labels array is set. */
    private INDArray targetsOf;
    private int[] targets;

    public TimeMajorOutputLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    @Override
    public Type type() {
        return Type.RECURRENT;
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(true);
        requireNcw(input, "input");
        if (labels == null || labels.rank() != 3 || labels.size(2) != input.size(2)
                || labels.size(1) != layerConf().getNOut() && labels.size(1) != 1) {
            throw new IllegalStateException("labels must be one-hot [batch, " + layerConf().getNOut() + ", "
                    + input.size(2) + "] or class indices [batch, 1, " + input.size(2) + "] for layer " + layerId());
        }
        if (softmaxWindowApplies()) {
            return softmaxWindowBackprop(workspaceMgr);
        }
        INDArray input3d = input;
        input = rows(input3d, workspaceMgr, ArrayType.BP_WORKING_MEM);
        applyDropOutIfNecessary(true, workspaceMgr);
        Pair<Gradient, INDArray> result;
        try {
            result = super.backpropGradient(epsilon, workspaceMgr); // works on the rows
        } finally {
            input = input3d;
        }
        INDArray epsilon3d = sequences(result.getSecond(), input3d.size(0), workspaceMgr, ArrayType.ACTIVATION_GRAD);
        weightNoiseParams.clear();
        return new Pair<>(result.getFirst(), epsilon3d);
    }

    private Pair<Gradient, INDArray> softmaxWindowBackprop(LayerWorkspaceMgr workspaceMgr) {
        INDArray epsilon = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, DataType.FLOAT, input.shape(), 'f');
        INDArray gradW = gradientViews.get(DefaultParamInitializer.WEIGHT_KEY);
        INDArray gradBias = gradientViews.get(DefaultParamInitializer.BIAS_KEY);
        INDArray mask = stepMask();
        double loss = softmaxWindow().run(input, targets(), mask, getParam(DefaultParamInitializer.WEIGHT_KEY),
                getParam(DefaultParamInitializer.BIAS_KEY), true, gradW, gradBias, epsilon);
        scored = new ScoredWindow(input, labels, maskArray, loss);
        Gradient gradient = new DefaultGradient();
        gradient.gradientForVariable().put(DefaultParamInitializer.WEIGHT_KEY, gradW);
        gradient.gradientForVariable().put(DefaultParamInitializer.BIAS_KEY, gradBias);
        this.gradient = gradient;
        weightNoiseParams.clear();
        return new Pair<>(gradient, epsilon);
    }

    @Override
    public double computeScore(double fullNetRegTerm, boolean training, LayerWorkspaceMgr workspaceMgr) {
        if (input == null || labels == null || !softmaxWindowApplies()) {
            scored = null;
            return super.computeScore(fullNetRegTerm, training, workspaceMgr);
        }
        ScoredWindow last = scored;
        scored = null;
        double loss = last != null && last.input() == input && last.labels() == labels && last.mask() == maskArray
                ? last.loss()
                : softmaxWindow().run(input, targets(), stepMask(), getParam(DefaultParamInitializer.WEIGHT_KEY),
                        getParam(DefaultParamInitializer.BIAS_KEY), false, null, null, null);
        double score = conf().isMiniBatch() ? loss / getInputMiniBatchSize() : loss;
        this.score = score + fullNetRegTerm;
        return this.score;
    }

    /**
     * Whether this window takes {@link SoftmaxWindow}: float [B, C, T] 'f' input, one-hot or index
     * labels, softmax with plain cross-entropy, no dropout or weight noise, at most one mask value
     * per step.
     */
    private boolean softmaxWindowApplies() {
        if (!KernelChoice.floatKernels(DataType.FLOAT) || input == null || labels == null || !TimeMajor.applies(input)
                || labels.rank() != 3 || labels.size(0) != input.size(0) || labels.size(2) != input.size(2)
                || labels.size(1) != layerConf().getNOut() && labels.size(1) != 1) {
            return false;
        }
        TimeMajorOutput conf = layerConf();
        if (!(conf.getActivationFn() instanceof ActivationSoftmax) || conf.getLossFn() == null
                || conf.getLossFn().getClass() != LossMCXENT.class || ((LossMCXENT) conf.getLossFn()).getWeights() != null
                || conf.getIDropout() != null || conf.getWeightNoise() != null) {
            return false;
        }
        if (maskArray != null && maskArray.length() != input.size(0) * input.size(2)) {
            return false; // a mask per output
        }
        INDArray w = getParam(DefaultParamInitializer.WEIGHT_KEY);
        INDArray gradW = gradientViews == null ? null : gradientViews.get(DefaultParamInitializer.WEIGHT_KEY);
        return w.ordering() == 'f' && Blas.gapless(w) && gradW != null && gradW.ordering() == 'f' && Blas.gapless(gradW)
                && targets() != null;
    }

    /** The labels' class per row t·B + b (see {@link SoftmaxWindow#targets}), or null for soft targets. */
    private int[] targets() {
        if (targetsOf != labels) {
            targets = SoftmaxWindow.targets(labels.castTo(DataType.FLOAT), (int) layerConf().getNOut());
            targetsOf = labels;
        }
        return targets;
    }

    /** Whether the labels are class indices [B, 1, T] rather than one-hot. */
    private boolean indexLabels() {
        return labels.rank() == 3 && labels.size(1) == 1 && layerConf().getNOut() > 1;
    }

    /**
     * ln p of each target for the input [B, nIn, T] (row t·B + b; NaN where the target is -1), or
     * null when this layer's float kernel does not apply (then take the probabilities from
     * {@code activate}). Evaluation's shortcut: a full [B, 10 000, T] probability array is 20 MB
     * to compute and to lay out, where only one probability per row is read.
     */
    public double[] targetLogProbabilities(INDArray input3d, int[] targets) {
        TimeMajorOutput conf = layerConf();
        INDArray w = getParam(DefaultParamInitializer.WEIGHT_KEY);
        if (!KernelChoice.floatKernels(DataType.FLOAT) || !TimeMajor.applies(input3d)
                || !(conf.getActivationFn() instanceof ActivationSoftmax) || !Blas.gapless(w) || w.ordering() != 'f'
                || targets.length != input3d.size(0) * input3d.size(2)) {
            return null;
        }
        return softmaxWindow().logProbabilities(input3d, targets, w, getParam(DefaultParamInitializer.BIAS_KEY));
    }

    /** The per-step mask as a gapless float column in row order t·B + b, or null. */
    private INDArray stepMask() {
        if (maskArray == null) {
            return null;
        }
        INDArray mask = maskArray.castTo(DataType.FLOAT);
        return Blas.gapless(mask) ? mask : mask.dup('c');
    }

    private SoftmaxWindow softmaxWindow() {
        if (softmaxWindow == null) {
            softmaxWindow = new SoftmaxWindow(((LossMCXENT) layerConf().getLossFn()).getSoftmaxClipEps());
        }
        return softmaxWindow;
    }

    @Override
    protected INDArray preOutput2d(boolean training, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(false);
        if (input.rank() != 3) {
            return super.preOutput(training, workspaceMgr);
        }
        INDArray input3d = input;
        input = rows(input3d, workspaceMgr, ArrayType.FF_WORKING_MEM);
        try {
            return super.preOutput(training, workspaceMgr);
        } finally {
            input = input3d;
        }
    }

    @Override
    protected INDArray getLabels2d(LayerWorkspaceMgr workspaceMgr, ArrayType arrayType) {
        if (labels.rank() == 3 && indexLabels()) { // DL4J's own path takes one-hot rows [B·T, nOut]
            int[] classes = targets();
            INDArray oneHot = workspaceMgr.create(arrayType, labels.dataType(), classes.length, layerConf().getNOut());
            for (int r = 0; r < classes.length; r++) {
                oneHot.putScalar(r, classes[r], 1.0);
            }
            return oneHot;
        }
        return labels.rank() == 3 ? rows(labels, workspaceMgr, arrayType) : labels;
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(false);
        requireNcw(input, "input");
        INDArray b = getParamWithNoise(DefaultParamInitializer.BIAS_KEY, training, workspaceMgr);
        INDArray w = getParamWithNoise(DefaultParamInitializer.WEIGHT_KEY, training, workspaceMgr);
        applyDropOutIfNecessary(training, workspaceMgr);
        INDArray input2d = rows(input.castTo(w.dataType()), workspaceMgr, ArrayType.FF_WORKING_MEM);
        INDArray activations = layerConf().getActivationFn().getActivation(input2d.mmul(w).addiRowVector(b), training);
        if (maskArray != null) {
            if (!maskArray.isColumnVectorOrScalar() || java.util.Arrays.equals(maskArray.shape(), activations.shape())) {
                activations.muli(maskArray.castTo(activations.dataType())); // a mask per output
            } else {
                activations.muliColumnVector(maskArray.castTo(activations.dataType())); // a mask per step
            }
        }
        return sequences(activations, input.size(0), workspaceMgr, ArrayType.ACTIVATIONS);
    }

    @Override
    public void setMaskArray(INDArray mask) {
        if (mask == null) {
            this.maskArray = null;
        } else if (mask.rank() == 2) { // [batch, T]: one value per step → a column over the rows
            this.maskArray = TimeSeriesUtils.reshapeTimeSeriesMaskToVector(mask, LayerWorkspaceMgr.noWorkspacesImmutable(),
                    ArrayType.INPUT);
        } else if (mask.rank() == 3) { // [batch, size, T]: one value per output
            this.maskArray = TimeSeriesUtils.reshape3dTo2d(mask, LayerWorkspaceMgr.noWorkspacesImmutable(), ArrayType.INPUT);
        } else {
            throw new IllegalArgumentException("a mask must be [batch, T] or [batch, size, T], got rank " + mask.rank()
                    + " for layer " + layerId());
        }
    }

    @Override
    public Pair<INDArray, MaskState> feedForwardMaskArray(INDArray mask, MaskState state, int minibatchSize) {
        if (mask != null && state == MaskState.Active) {
            this.inputMaskArray = TimeSeriesUtils.reshapeTimeSeriesMaskToVector(mask,
                    LayerWorkspaceMgr.noWorkspacesImmutable(), ArrayType.INPUT);
            this.inputMaskArrayState = state;
        } else {
            this.inputMaskArray = null;
            this.inputMaskArrayState = null;
        }
        return null; // the last layer
    }

    @Override
    public double f1Score(INDArray examples, INDArray labels) {
        LayerWorkspaceMgr none = LayerWorkspaceMgr.noWorkspaces();
        return super.f1Score(examples.rank() == 3 ? rows(examples, none, ArrayType.ACTIVATIONS) : examples,
                labels.rank() == 3 ? rows(labels, none, ArrayType.ACTIVATIONS) : labels);
    }

    private void requireNcw(INDArray array, String what) {
        if (array.rank() != 3) {
            throw new IllegalStateException(layerId() + " takes " + what + " [batch, size, T] (NCW), got "
                    + java.util.Arrays.toString(array.shape()));
        }
    }

    /** [B, C, T] → rows [B·T, C], row t·B + b. */
    private INDArray rows(INDArray sequences, LayerWorkspaceMgr workspaceMgr, ArrayType type) {
        if (!TimeMajor.applies(sequences)) {
            return TimeSeriesUtils.reshape3dTo2d(sequences, workspaceMgr, type);
        }
        int length = (int) sequences.length();
        INDArray rows = workspaceMgr.createUninitialized(type, DataType.FLOAT,
                new long[]{sequences.size(0) * sequences.size(2), sequences.size(1)}, 'c');
        float[] target = rowsScratch.get(length);
        TimeMajor.read(sequences, transposeScratch.get(length), target);
        Blas.writeAll(target, rows);
        return rows;
    }

    /** Rows [B·T, C] → [B, C, T] 'f'. */
    private INDArray sequences(INDArray rows, long batch, LayerWorkspaceMgr workspaceMgr, ArrayType type) {
        if (rows.dataType() != DataType.FLOAT || !Blas.gapless(rows) || rows.rank() != 2) {
            return TimeSeriesUtils.reshape2dTo3d(rows, batch, workspaceMgr, type);
        }
        int length = (int) rows.length();
        INDArray out = workspaceMgr.createUninitialized(type, DataType.FLOAT,
                new long[]{batch, rows.size(1), rows.size(0) / batch}, 'f');
        TimeMajor.rowsTo3d(rows, transposeScratch.get(length), rowsScratch.get(length), out);
        return out;
    }
}
