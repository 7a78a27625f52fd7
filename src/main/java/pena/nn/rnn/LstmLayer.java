package pena.nn.rnn;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.List;
import java.util.Map;

import static pena.nn.rnn.RecurrentParamInitializer.BIAS;
import static pena.nn.rnn.RecurrentParamInitializer.INPUT_WEIGHTS;
import static pena.nn.rnn.RecurrentParamInitializer.RECURRENT_WEIGHTS;

/**
 * Runs an {@link Lstm}: the input projection of the whole window in one product, then per step
 * the recurrent product and the gate arithmetic (equations in {@link Lstm}). Gate columns of a
 * pass: g [0, n), f [n, 2n), o [2n, 3n), i [3n, 4n), after their nonlinearities; the pass also
 * keeps C ("c") and tanh(C) ("tanhC").
 */
public final class LstmLayer extends RecurrentCellLayer<Lstm> {
    private static final List<String> STATES = List.of("h", "c");

    LstmLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    @Override
    protected List<String> stateNames() {
        return STATES;
    }

    @Override
    Pass forward(INDArray x, INDArray mask, long steps, long batch, Map<String, INDArray> start) {
        long n = hiddenSize();
        INDArray rw = getParam(RECURRENT_WEIGHTS);
        INDArray gates = Nd4j.createUninitialized(dataType, steps * batch, 4 * n);
        Nd4j.gemm(x, getParam(INPUT_WEIGHTS), gates, false, false, 1.0, 0.0);
        gates.addiRowVector(getParam(BIAS));
        Pass pass = new Pass(steps, batch, x, mask, gates);
        INDArray h = Nd4j.createUninitialized(dataType, (steps + 1) * batch, n);
        INDArray c = Nd4j.createUninitialized(dataType, (steps + 1) * batch, n);
        INDArray tanhC = Nd4j.createUninitialized(dataType, steps * batch, n);
        pass.states.put("h", h);
        pass.states.put("c", c);
        pass.extra.put("tanhC", tanhC);
        pass.step(h, 0).assign(start.get("h"));
        pass.step(c, 0).assign(start.get("c"));
        INDArray recurrent = Nd4j.createUninitialized(dataType, batch, 4 * n);
        for (long t = 0; t < steps; t++) {
            INDArray step = pass.step(gates, t);
            Nd4j.gemm(pass.before("h", t), rw, recurrent, false, false, 1.0, 0.0);
            step.addi(recurrent);
            INDArray g = pass.step(gates, t, 0, n);
            Transforms.tanh(g, false);
            Transforms.sigmoid(pass.step(gates, t, n, 4 * n), false); // f, o, i are adjacent
            INDArray f = pass.step(gates, t, n, 2 * n);
            INDArray o = pass.step(gates, t, 2 * n, 3 * n);
            INDArray i = pass.step(gates, t, 3 * n, 4 * n);
            INDArray cNext = pass.before("c", t + 1);
            cNext.assign(f).muli(pass.before("c", t)).addi(i.mul(g));      // C = f * C(t-1) + i * g
            INDArray tc = pass.step(tanhC, t);
            tc.assign(cNext);
            Transforms.tanh(tc, false);
            INDArray hNext = pass.before("h", t + 1);
            hNext.assign(o).muli(tc);                                      // h = o * tanh(C)
            if (mask != null) {
                INDArray m = pass.step(mask, t);
                hNext.muliColumnVector(m);
                cNext.muliColumnVector(m);
            }
        }
        return pass;
    }

    @Override
    INDArray backward(Pass pass, INDArray epsilon, Map<String, INDArray> gradients) {
        long n = hiddenSize();
        long steps = pass.steps;
        long batch = pass.batch;
        INDArray w = getParam(INPUT_WEIGHTS);
        INDArray rw = getParam(RECURRENT_WEIGHTS);
        INDArray gates = pass.gates;
        INDArray tanhC = pass.extra.get("tanhC");
        INDArray dGates = Nd4j.createUninitialized(dataType, steps * batch, 4 * n);
        INDArray dhNext = Nd4j.zeros(dataType, batch, n); // dL/dh(t) from step t+1
        INDArray dcNext = Nd4j.zeros(dataType, batch, n); // dL/dC(t) from step t+1
        for (long t = steps - 1; t >= 0; t--) {
            INDArray dh = pass.step(epsilon, t).add(dhNext);
            INDArray dc = dcNext;
            if (pass.mask != null) {
                INDArray m = pass.step(pass.mask, t);
                dh.muliColumnVector(m);
                dc.muliColumnVector(m);
            }
            INDArray g = pass.step(gates, t, 0, n);
            INDArray f = pass.step(gates, t, n, 2 * n);
            INDArray o = pass.step(gates, t, 2 * n, 3 * n);
            INDArray i = pass.step(gates, t, 3 * n, 4 * n);
            INDArray tc = pass.step(tanhC, t);
            // h = o * tanh(C): dC gains dh * o * (1 - tanh²C)
            dc = dc.add(tc.mul(tc).rsubi(1.0).muli(o).muli(dh));
            pass.step(dGates, t, 2 * n, 3 * n).assign(dh).muli(tc).muli(o.rsub(1.0).muli(o));
            pass.step(dGates, t, 0, n).assign(dc).muli(i).muli(g.mul(g).rsubi(1.0));
            pass.step(dGates, t, n, 2 * n).assign(dc).muli(pass.before("c", t)).muli(f.rsub(1.0).muli(f));
            pass.step(dGates, t, 3 * n, 4 * n).assign(dc).muli(g).muli(i.rsub(1.0).muli(i));
            dcNext = dc.mul(f);
            dhNext = Nd4j.createUninitialized(dataType, batch, n);
            Nd4j.gemm(pass.step(dGates, t), rw, dhNext, false, true, 1.0, 0.0);
        }
        Nd4j.gemm(pass.x, dGates, gradients.get(INPUT_WEIGHTS), true, false, 1.0, 0.0);
        gradients.get(BIAS).assign(dGates.sum(true, 0));
        Nd4j.gemm(pass.allBefore("h"), dGates, gradients.get(RECURRENT_WEIGHTS), true, false, 1.0, 0.0);
        INDArray dx = Nd4j.createUninitialized(dataType, steps * batch, w.size(0));
        Nd4j.gemm(dGates, w, dx, false, true, 1.0, 0.0);
        return dx;
    }
}
