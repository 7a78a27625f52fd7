package pena.layers;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.nd4j.linalg.api.buffer.DataType;

import pena.layers.cells.LstmGate;

import java.util.Objects;

/**
 * Pena's LSTM layer, with the equations and parameter layout of DL4J's {@code LSTM} (so the
 * weights of one load into the other), on Pena's recurrent base: correct truncated BPTT,
 * gates kept per window in its pass. Blocks of W [nIn, 4n], RW [n, 4n] and b in DL4J's order, as
 * {@link LstmGate} lays them out:
 *
 * <pre>
 *   g_t = tanh(x_t·W_g + h_(t-1)·RW_g + b_g)     candidate (the new content)
 *   f_t = σ(x_t·W_f + h_(t-1)·RW_f + b_f)        forget gate (portão de esquecimento)
 *   o_t = σ(x_t·W_o + h_(t-1)·RW_o + b_o)        output gate (portão de saída)
 *   i_t = σ(x_t·W_i + h_(t-1)·RW_i + b_i)        input gate  (portão de entrada)
 *   C_t = f_t * C_(t-1) + i_t * g_t               cell state, the long-term memory
 *   h_t = o_t * tanh(C_t)
 * </pre>
 *
 * The forget-gate bias starts at {@code forgetGateBiasInit} (1.0, Keras' unit_forget_bias).
 */
public class Lstm extends RecurrentCellConfig {
    private double forgetGateBiasInit = 1.0;

    public Lstm() {
        // for JSON
    }

    private Lstm(Builder builder) {
        super(builder);
        this.forgetGateBiasInit = builder.forgetGateBiasInit;
        initializeConstraints(builder);
    }

    public double getForgetGateBiasInit() {
        return forgetGateBiasInit;
    }

    public void setForgetGateBiasInit(double forgetGateBiasInit) {
        this.forgetGateBiasInit = forgetGateBiasInit;
    }

    @Override
    public int gateBlocks() {
        return LstmGate.BLOCKS;
    }

    @Override
    public boolean hasRecurrentCandidateBias() {
        return false;
    }

    @Override
    public double initialBias(int block) {
        return block == LstmGate.FORGET.ordinal() ? forgetGateBiasInit : 0;
    }

    @Override
    protected RecurrentCellLayer<?, ?> createLayer(NeuralNetConfiguration conf, DataType dataType) {
        return new LstmLayer(conf, dataType);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Lstm lstm && super.equals(other) && lstm.forgetGateBiasInit == forgetGateBiasInit;
    }

    @Override
    public int hashCode() {
        return Objects.hash(super.hashCode(), forgetGateBiasInit);
    }

    @Override
    public String toString() {
        return "Lstm(nIn=" + nIn + ", nOut=" + nOut + ", forgetGateBiasInit=" + forgetGateBiasInit + ")";
    }

    public static class Builder extends RecurrentCellConfig.Builder<Builder> {
        private double forgetGateBiasInit = 1.0;

        public Builder forgetGateBiasInit(double value) {
            this.forgetGateBiasInit = value;
            return this;
        }

        @Override
        @SuppressWarnings("unchecked")
        public Lstm build() {
            return new Lstm(this);
        }
    }
}
