package pena.layers;

import org.deeplearning4j.nn.weights.IWeightInit;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Keras' {@code Orthogonal} initializer, which DL4J 1.0.0-M2.1 does not have: a Gaussian matrix
 * whose shorter side is made orthonormal (Gram-Schmidt in double precision). For a recurrent
 * kernel {@code [n, k·n]} the n rows are orthonormal, so the product with the state neither
 * grows nor shrinks it at the start of training.
 */
public final class OrthogonalInit implements IWeightInit {

    @Override
    public INDArray init(double fanIn, double fanOut, long[] shape, char order, INDArray paramView) {
        if (shape.length != 2) {
            throw new IllegalArgumentException("orthogonal initialization needs a matrix, got rank " + shape.length);
        }
        int rows = Math.toIntExact(shape[0]);
        int cols = Math.toIntExact(shape[1]);
        boolean transpose = rows > cols;
        int vectors = transpose ? cols : rows;
        int length = transpose ? rows : cols;
        double[] gaussian = Nd4j.randn(DataType.DOUBLE, vectors, length).data().asDouble();
        double[][] v = new double[vectors][length];
        for (int i = 0; i < vectors; i++) {
            System.arraycopy(gaussian, i * length, v[i], 0, length);
            for (int j = 0; j < i; j++) { // modified Gram-Schmidt: remove what earlier vectors explain
                double dot = 0;
                for (int k = 0; k < length; k++) {
                    dot += v[i][k] * v[j][k];
                }
                for (int k = 0; k < length; k++) {
                    v[i][k] -= dot * v[j][k];
                }
            }
            double norm = 0;
            for (int k = 0; k < length; k++) {
                norm += v[i][k] * v[i][k];
            }
            norm = Math.sqrt(norm);
            for (int k = 0; k < length; k++) {
                v[i][k] /= norm;
            }
        }
        double[][] matrix = new double[rows][cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                matrix[r][c] = transpose ? v[c][r] : v[r][c];
            }
        }
        INDArray shaped = paramView.reshape(order, shape);
        shaped.assign(Nd4j.createFromArray(matrix).castTo(paramView.dataType()));
        return shaped;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OrthogonalInit;
    }

    @Override
    public int hashCode() {
        return OrthogonalInit.class.hashCode();
    }

    @Override
    public String toString() {
        return "OrthogonalInit()";
    }
}
