package pena.data;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A {@link Window} as the arrays DL4J's recurrent layers take, in NCW layout
 * ([batch, features, time]). Built from one Java array each (no per-element {@code putScalar}).
 */
public final class WindowArrays {
    private WindowArrays() {
    }

    /** One-hot inputs [batch, vocabulary, T]; padding is an all-zero column. */
    public static INDArray oneHotInputs(Window window, int vocabulary) {
        return oneHot(window.inputs(), vocabulary);
    }

    /** The network's input for a window: ids for an embedding layer, else one-hot vectors. */
    public static INDArray inputs(Window window, int vocabularySize, boolean embeddingInput) {
        return embeddingInput ? indexInputs(window) : oneHotInputs(window, vocabularySize);
    }

    /**
     * Targets as class indices [batch, 1, T] (the output layer's index labels: a one-hot window at a
     * 10 000-word vocabulary is 20 MB to build and read); padding reads id 0 and is masked out.
     */
    public static INDArray targetIndices(Window window) {
        int[][] ids = window.targets();
        int batch = ids.length;
        int length = ids[0].length;
        float[] data = new float[batch * length];
        for (int b = 0; b < batch; b++) {
            for (int t = 0; t < length; t++) {
                data[b + t * batch] = Math.max(0, ids[b][t]);
            }
        }
        return Nd4j.create(data, new long[]{batch, 1, length}, 'f');
    }

    /** Token ids [batch, 1, T] for an embedding layer; padding reads id 0 and is masked out. */
    public static INDArray indexInputs(Window window) {
        return indices(window.inputs());
    }

    /** Ids [batch][T] as an embedding layer's input [batch, 1, T]; negative ids read as 0. */
    public static INDArray indices(int[][] ids) {
        int batch = ids.length;
        int length = ids[0].length;
        float[] data = new float[batch * length];
        for (int b = 0; b < batch; b++) {
            for (int t = 0; t < length; t++) {
                data[b * length + t] = Math.max(0, ids[b][t]);
            }
        }
        return Nd4j.create(data, new long[]{batch, 1, length}, 'c');
    }

    /** 1 where a target is a real token, 0 on padding: [batch, T]; null when nothing is padded. */
    public static INDArray targetMask(Window window) {
        int batch = window.batch();
        int length = window.length();
        if (window.tokens() == batch * length) {
            return null;
        }
        float[] data = new float[batch * length];
        for (int b = 0; b < batch; b++) {
            for (int t = 0; t < length; t++) {
                data[b * length + t] = window.targets()[b][t] == Window.PADDING ? 0f : 1f;
            }
        }
        return Nd4j.create(data, new long[]{batch, length}, 'c');
    }

    /**
     * One-hot encoding of ids [batch][T] into [batch, size, T]; negative ids give zero columns.
     * In 'f' order, the layout DL4J's recurrent layers produce and Pena's read fastest.
     */
    public static INDArray oneHot(int[][] ids, int size) {
        int batch = ids.length;
        int length = ids[0].length;
        float[] data = new float[batch * size * length];
        for (int b = 0; b < batch; b++) {
            for (int t = 0; t < length; t++) {
                int id = ids[b][t];
                if (id >= 0) {
                    data[b + id * batch + t * batch * size] = 1f;
                }
            }
        }
        return Nd4j.create(data, new long[]{batch, size, length}, 'f');
    }
}
