package pena.inspect;

import java.util.List;

/**
 * The units that follow named features of a text: per feature, the best-ranked units of every
 * layer (h, and C for an LSTM) and the best one's value at every character.
 *
 * @param cell     the model's cell id
 * @param tokens   the text, one character per step
 * @param units    units ranked (every layer's h, and C for an LSTM)
 * @param features one result per {@link TextFeature}, in its order
 */
public record UnitsReport(String cell, List<String> tokens, int units, List<FeatureResult> features) {

    /**
     * @param present    whether the feature is both on and off in the text (else nothing is ranked)
     * @param target     the feature's value at every character
     * @param top        the best units, best first
     * @param bestValues the best unit's value at every character (empty when absent)
     */
    public record FeatureResult(TextFeature feature, boolean present, double[] target, List<UnitRanking.Score> top,
                                float[] bestValues) {
    }
}
