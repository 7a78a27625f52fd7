package pena.layers.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * {@link AdamKernel} on the JDK's vector API, reading and writing ND4J's memory in place through
 * byte buffers over it: no copy to the heap and back, and the squares summed in vector lanes (a
 * loop adding into one double is not vectorized by the JIT: it must keep the order of the adds).
 * Offsets are in floats. The arithmetic per element is the scalar path's, operation for
 * operation. Loaded only when the module is present.
 */
final class VectorAdam {
    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private static final ByteOrder ORDER = ByteOrder.nativeOrder();

    private VectorAdam() {
    }

    static double sumOfSquares(ByteBuffer vector, long from, long count, int chunk) {
        int chunks = (int) ((count + chunk - 1) / chunk);
        double[] sums = new double[chunks];
        BatchSplit.run(chunks, 1, (first, end) -> {
            for (int c = first; c < end; c++) {
                int at = (int) (from + (long) c * chunk);
                int length = (int) Math.min(chunk, from + count - at);
                FloatVector lanes = FloatVector.zero(SPECIES);
                int k = 0;
                for (int bound = SPECIES.loopBound(length); k < bound; k += SPECIES.length()) {
                    FloatVector x = FloatVector.fromByteBuffer(SPECIES, vector, (at + k) * Float.BYTES, ORDER);
                    lanes = x.fma(x, lanes);
                }
                double sum = lanes.reduceLanes(VectorOperators.ADD); // one chunk's float partial sums
                for (; k < length; k++) {
                    float x = vector.getFloat((at + k) * Float.BYTES);
                    sum += x * x;
                }
                sums[c] = sum;
            }
        });
        double total = 0;
        for (double sum : sums) {
            total += sum;
        }
        return total;
    }

    static void step(ByteBuffer params, ByteBuffer gradients, ByteBuffer state, long paramFrom, long mFrom,
                     long vFrom, long count, float gradientScale, float beta1, float beta2, float stepSize,
                     float epsilon, int chunk) {
        int chunks = (int) ((count + chunk - 1) / chunk);
        float keep1 = 1 - beta1;
        float keep2 = 1 - beta2;
        BatchSplit.run(chunks, 1, (first, end) -> {
            for (int c = first; c < end; c++) {
                int offset = c * chunk;
                int length = (int) Math.min(chunk, count - offset);
                int p = (int) (paramFrom + offset) * Float.BYTES;
                int m = (int) (mFrom + offset) * Float.BYTES;
                int v = (int) (vFrom + offset) * Float.BYTES;
                int k = 0;
                int step = SPECIES.length() * Float.BYTES;
                for (int bound = SPECIES.loopBound(length) * Float.BYTES; k < bound; k += step) {
                    FloatVector g = FloatVector.fromByteBuffer(SPECIES, gradients, p + k, ORDER).mul(gradientScale);
                    FloatVector mk = FloatVector.fromByteBuffer(SPECIES, state, m + k, ORDER).mul(beta1)
                            .add(g.mul(keep1));
                    FloatVector vk = FloatVector.fromByteBuffer(SPECIES, state, v + k, ORDER).mul(beta2)
                            .add(g.mul(keep2).mul(g));
                    mk.intoByteBuffer(state, m + k, ORDER);
                    vk.intoByteBuffer(state, v + k, ORDER);
                    FloatVector pk = FloatVector.fromByteBuffer(SPECIES, params, p + k, ORDER)
                            .sub(mk.mul(stepSize).div(vk.sqrt().add(epsilon)));
                    pk.intoByteBuffer(params, p + k, ORDER);
                }
                for (; k < length * Float.BYTES; k += Float.BYTES) {
                    float g = gradients.getFloat(p + k) * gradientScale;
                    float mk = beta1 * state.getFloat(m + k) + keep1 * g;
                    float vk = beta2 * state.getFloat(v + k) + keep2 * g * g;
                    state.putFloat(m + k, mk);
                    state.putFloat(v + k, vk);
                    params.putFloat(p + k, params.getFloat(p + k) - stepSize * mk / ((float) Math.sqrt(vk) + epsilon));
                }
            }
        });
    }
}
