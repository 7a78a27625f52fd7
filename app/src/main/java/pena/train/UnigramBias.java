package pena.train;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Starts the softmax where a model that knows nothing else would be: its bias set to the log
 * frequency of each token in the training text, so the first prediction is the unigram
 * distribution. A word model with zero biases spends its first minutes learning only that
 * ("o", "a", "de" and "," everywhere) before it learns anything about context; from here it
 * starts on the context at once. Used at word level only (a character model learns its
 * unigram in seconds, and the committed character measurements were made without it).
 */
final class UnigramBias {
    private UnigramBias() {
    }

    /** Sets the output layer's bias to ln((count + 1) / total); softmax ignores the constant. */
    static void apply(MultiLayerNetwork network, long[] counts) {
        Layer output = network.getOutputLayer();
        INDArray bias = output.getParam("b");
        if (bias == null || bias.length() != counts.length) {
            throw new IllegalStateException("the output layer has " + (bias == null ? 0 : bias.length())
                    + " biases for a vocabulary of " + counts.length);
        }
        double total = 0;
        for (long count : counts) {
            total += count + 1;
        }
        float[] logFrequency = new float[counts.length];
        for (int id = 0; id < counts.length; id++) {
            logFrequency[id] = (float) Math.log((counts[id] + 1) / total);
        }
        bias.assign(org.nd4j.linalg.factory.Nd4j.create(logFrequency).reshape(bias.shape()));
    }
}
