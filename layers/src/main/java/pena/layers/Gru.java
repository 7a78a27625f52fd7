package pena.layers;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.nd4j.linalg.api.buffer.DataType;

import pena.layers.cells.GruGate;

import java.util.Objects;

/**
 * A GRU layer for {@code MultiLayerConfiguration}, used like DL4J's {@code LSTM}:
 * {@code new Gru.Builder().nIn(v).nOut(256).build()}.
 *
 * <p>Equations, in the course's notation (σ the sigmoid, * element-wise, blocks of W, RW and b
 * in the order z, r, h̃ that {@link GruGate} lays out):
 *
 * <pre>
 *   z_t = σ(x_t·W_z + h_(t-1)·RW_z + b_z)            update gate  (portão de atualização)
 *   r_t = σ(x_t·W_r + h_(t-1)·RW_r + b_r)            reset gate   (portão de reset)
 *   original (resetAfter = false):
 *   h̃_t = tanh(x_t·W_h + (r_t * h_(t-1))·RW_h + b_h)   reset before the recurrent product
 *   resetAfter (default; Keras' and cuDNN's):
 *   h̃_t = tanh(x_t·W_h + r_t * (h_(t-1)·RW_h + RB) + b_h)
 *   h_t = (1 - z_t) * h_(t-1) + z_t * h̃_t            z near 1: take the candidate
 * </pre>
 *
 * Pena writes z as the share of the new candidate (the course's form); Keras and PyTorch give
 * that share to 1 - z. Initial weights are Keras': W Glorot-uniform, RW orthogonal, biases zero.
 */
public class Gru extends RecurrentCellConfig {
    private boolean resetAfter = true;

    public Gru() {
        // for JSON
    }

    private Gru(Builder builder) {
        super(builder);
        this.resetAfter = builder.resetAfter;
        initializeConstraints(builder);
    }

    public boolean isResetAfter() {
        return resetAfter;
    }

    public void setResetAfter(boolean resetAfter) {
        this.resetAfter = resetAfter;
    }

    @Override
    public int gateBlocks() {
        return GruGate.BLOCKS;
    }

    @Override
    public boolean hasRecurrentCandidateBias() {
        return resetAfter;
    }

    @Override
    public double initialBias(int block) {
        return 0;
    }

    @Override
    protected RecurrentCellLayer<?, ?> createLayer(NeuralNetConfiguration conf, DataType dataType) {
        return new GruLayer(conf, dataType);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Gru gru && super.equals(other) && gru.resetAfter == resetAfter;
    }

    @Override
    public int hashCode() {
        return Objects.hash(super.hashCode(), resetAfter);
    }

    @Override
    public String toString() {
        return "Gru(nIn=" + nIn + ", nOut=" + nOut + ", resetAfter=" + resetAfter + ")";
    }

    public static class Builder extends RecurrentCellConfig.Builder<Builder> {
        private boolean resetAfter = true;

        /** true (default): reset applied after the recurrent product; false: the original GRU. */
        public Builder resetAfter(boolean resetAfter) {
            this.resetAfter = resetAfter;
            return this;
        }

        @Override
        @SuppressWarnings("unchecked")
        public Gru build() {
            return new Gru(this);
        }
    }
}
