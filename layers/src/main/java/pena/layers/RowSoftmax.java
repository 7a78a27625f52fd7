package pena.layers;

import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The output layer's softmax, fast on the column-major arrays DL4J's {@code RnnOutputLayer}
 * produces. ND4J's softmax op walks each row of a column-major [tokens, vocabulary] array with
 * a stride, about 9 times slower than on a row-major one: at a 10 000-word vocabulary it was
 * most of the time of a validation pass. Here the same function is computed with
 * order-independent operations: one exponential over the whole array, the row sums as a matrix
 * product with a column of ones, one broadcast division.
 *
 * <p>The constant subtracted before the exponential is the largest logit of the whole array,
 * not of each row (softmax is the same for any constant). Should a row lie so far below it that
 * all its exponentials underflow, ND4J's own op does the job instead. A subclass of DL4J's
 * softmax, so {@code LossMCXENT} keeps its exact gradient (probabilities minus targets).
 */
public class RowSoftmax extends ActivationSoftmax {
    @Override
    public INDArray getActivation(INDArray in, boolean training) {
        if (in.rank() != 2 || in.ordering() == 'c' || in.size(0) < 2) {
            return super.getActivation(in, training);
        }
        double max = in.maxNumber().doubleValue();
        if (!Double.isFinite(max)) {
            return super.getActivation(in, training);
        }
        INDArray exp = Transforms.exp(in.sub(max), false);
        INDArray sums = exp.mmul(Nd4j.ones(in.dataType(), in.size(1), 1));
        double smallest = sums.minNumber().doubleValue();
        if (!(smallest > 0) || !Double.isFinite(sums.maxNumber().doubleValue())) {
            return super.getActivation(in, training);
        }
        return exp.diviColumnVector(sums);
    }

    @Override
    public String toString() {
        return "rowsoftmax";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RowSoftmax;
    }

    @Override
    public int hashCode() {
        return RowSoftmax.class.hashCode();
    }
}
