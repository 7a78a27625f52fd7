package pena.layers;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * A plain (Elman) recurrent layer for {@code MultiLayerConfiguration}, used like the others:
 * {@code new Rnn.Builder().nIn(v).nOut(256).build()}. One block, no gates:
 *
 * <pre>
 *   h_t = tanh(x_t·W + h_(t-1)·RW + b)
 * </pre>
 *
 * The course's baseline: the gradient reaching step t-k passes through k factors
 * RWᵀ·diag(1 - h²), which shrink it (vanishing gradients) unless RW is near orthogonal and the
 * units stay away from saturation; the LSTM's cell state and the GRU's update gate are the ways
 * around it. Initial weights are Keras' SimpleRNN's: W Glorot-uniform, RW orthogonal, b zero.
 *
 * <p>DL4J's own {@code SimpleRnn} is not reused: like its LSTM, it is run by
 * {@code MultiLayerNetwork}'s truncated BPTT through plain {@code backpropGradient}, so the
 * same carried-state fault applies; this layer shares Pena's running half
 * ({@link RecurrentCellLayer}) with the LSTM and GRU instead.
 */
public class Rnn extends RecurrentCellConfig {

    public Rnn() {
        // for JSON
    }

    private Rnn(Builder builder) {
        super(builder);
        initializeConstraints(builder);
    }

    @Override
    public int gateBlocks() {
        return 1;
    }

    @Override
    public boolean hasRecurrentCandidateBias() {
        return false;
    }

    @Override
    public double initialBias(int block) {
        return 0;
    }

    @Override
    protected RecurrentCellLayer<?, ?> createLayer(NeuralNetConfiguration conf, DataType dataType) {
        return new RnnLayer(conf, dataType);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Rnn && super.equals(other);
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }

    @Override
    public String toString() {
        return "Rnn(nIn=" + nIn + ", nOut=" + nOut + ")";
    }

    public static class Builder extends RecurrentCellConfig.Builder<Builder> {
        @Override
        @SuppressWarnings("unchecked")
        public Rnn build() {
            return new Rnn(this);
        }
    }
}
