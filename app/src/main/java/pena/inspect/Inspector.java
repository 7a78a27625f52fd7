package pena.inspect;

import pena.model.ModelText;
import pena.model.PenaModel;
import pena.layers.step.TokenStepper;
import pena.token.Vocabulary;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a text through a model from the zero state, one token at a time, recording every
 * layer's gates and states (the model's own weights, the same arithmetic as sampling) and the
 * most likely next tokens after each step.
 */
public final class Inspector {
    public static final int MAX_TOKENS = 2000;
    private final PenaModel model;
    private final TokenStepper prototype;

    public Inspector(PenaModel model) {
        this.model = model;
        this.prototype = TokenStepper.of(model.network()).orElseThrow(() -> new InspectionException(
                "this model's layers (" + model.spec().cell().id() + ") cannot be inspected; "
                        + "Pena inspects its rnn, lstm, gru and gru-original cells and DL4J's standard LSTM"));
    }

    public Inspection inspect(String text, int top) {
        Vocabulary vocabulary = model.vocabulary();
        if (text.isEmpty()) {
            throw new InspectionException("--text is empty: give a sentence to read");
        }
        ModelText read;
        try {
            // one rule with sampling: canonical text; unknown words are <unk>, unknown characters refused
            read = ModelText.read(model, text, "the text");
        } catch (ModelText.UnknownSymbolsException e) {
            throw new InspectionException(e.getMessage());
        }
        List<String> tokens = read.tokens();
        int[] ids = read.ids();
        if (tokens.size() > MAX_TOKENS) {
            throw new InspectionException("the text has " + tokens.size() + " tokens; inspect at most " + MAX_TOKENS);
        }
        TokenStepper stepper = prototype.copy();
        int steps = tokens.size();
        List<Map<String, float[][]>> values = new ArrayList<>();
        for (int l = 0; l < stepper.layers(); l++) {
            Map<String, float[][]> layer = new LinkedHashMap<>();
            for (String q : stepper.quantities(l)) {
                layer.put(q, new float[steps][]);
            }
            values.add(layer);
        }
        List<List<Inspection.Candidate>> next = new ArrayList<>();
        double[] actual = new double[steps];
        for (int t = 0; t < steps; t++) {
            int step = t;
            float[] p = stepper.next(ids[t],
                    (layer, quantity, v) -> values.get(layer).get(quantity)[step] = v);
            next.add(top(p, top, vocabulary));
            actual[t] = t + 1 < steps ? p[ids[t + 1]] : Double.NaN;
        }
        List<Inspection.LayerTrace> layers = new ArrayList<>();
        for (int l = 0; l < stepper.layers(); l++) {
            layers.add(new Inspection.LayerTrace(stepper.units(l), stepper.quantities(l), values.get(l)));
        }
        return new Inspection(model.spec().cell().id(), tokens, layers, next, actual);
    }

    /**
     * The {@code k} most likely tokens, most likely first, leaving out the ids in {@code excluded};
     * one pass with a small sorted list (the vocabulary may have ten thousand entries and this runs
     * once per generated token).
     */
    public static List<Inspection.Candidate> top(float[] p, int k, Vocabulary vocabulary, int... excluded) {
        int[] best = new int[Math.min(k, p.length)];
        int kept = 0;
        outer:
        for (int i = 0; i < p.length; i++) {
            for (int e : excluded) {
                if (i == e) {
                    continue outer;
                }
            }
            if (kept == best.length && p[i] <= p[best[kept - 1]]) {
                continue;
            }
            int at = kept < best.length ? kept++ : kept - 1;
            while (at > 0 && p[best[at - 1]] < p[i]) {
                best[at] = best[at - 1];
                at--;
            }
            best[at] = i;
        }
        List<Inspection.Candidate> top = new ArrayList<>(kept);
        for (int r = 0; r < kept; r++) {
            top.add(new Inspection.Candidate(vocabulary.symbol(best[r]), p[best[r]]));
        }
        return top;
    }
}
