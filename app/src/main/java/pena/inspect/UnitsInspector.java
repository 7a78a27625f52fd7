package pena.inspect;

import pena.layers.step.TokenStepper;
import pena.model.ModelText;
import pena.model.PenaModel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the units that learned something: reads a text through the model from the zero state
 * (the same one-token step as sampling and inspection), keeps every layer's h (and C for an
 * LSTM) at every character, and ranks every unit against each {@link TextFeature}
 * ({@link UnitRanking}). Character models only: the features are properties of characters.
 */
public final class UnitsInspector {
    /** Characters of the validation text read when no text is given. */
    public static final int DEFAULT_CHARACTERS = 10_000;
    /** The longest text read. */
    public static final int MAX_CHARACTERS = 50_000;
    private final PenaModel model;
    private final TokenStepper prototype;

    public UnitsInspector(PenaModel model) {
        if (model.spec().level().words()) {
            throw new InspectionException("the units report reads characters; this is a word model "
                    + "(its units see words, not quotation marks or letters)");
        }
        this.model = model;
        this.prototype = TokenStepper.of(model.network()).orElseThrow(() -> new InspectionException(
                "this model's layers (" + model.spec().cell().id() + ") cannot be read one character at a time"));
    }

    /** The report over the first {@code characters} of the model's validation text. */
    public UnitsReport validationReport(int characters, int top) {
        if (model.validationTexts().isEmpty()) {
            throw new InspectionException("the model file has no validation text; give a --text to read");
        }
        String text = String.join("\n\n", model.validationTexts());
        int end = text.offsetByCodePoints(0, Math.min(characters, text.codePointCount(0, text.length())));
        List<String> tokens = model.tokenizer().split(text.substring(0, end)); // symbols it lacks read as <unk>
        return report(tokens, tokens.stream().mapToInt(model.vocabulary()::id).toArray(), top);
    }

    /** The report over a text in the corpus form; a character the model does not know is refused. */
    public UnitsReport report(String text, int top) {
        ModelText read;
        try {
            read = ModelText.read(model, text, "the text");
        } catch (ModelText.UnknownSymbolsException e) {
            throw new InspectionException(e.getMessage());
        }
        return report(read.tokens(), read.ids(), top);
    }

    private UnitsReport report(List<String> tokens, int[] ids, int top) {
        if (tokens.size() < 2) {
            throw new InspectionException("the text is too short to rank units on; give at least a sentence");
        }
        if (tokens.size() > MAX_CHARACTERS) {
            throw new InspectionException("the text has " + tokens.size() + " characters; the units report reads at most "
                    + MAX_CHARACTERS);
        }
        TokenStepper stepper = prototype.copy();
        List<UnitRanking.Unit> units = new ArrayList<>();
        List<Map<String, Integer>> firstRow = new ArrayList<>(); // per layer: h (and c) → the row of its unit 0
        for (int l = 0; l < stepper.layers(); l++) {
            Map<String, Integer> rows = new HashMap<>();
            for (String q : stepper.quantities(l)) {
                if (q.equals("h") || q.equals("c")) {
                    rows.put(q, units.size());
                    for (int u = 0; u < stepper.units(l); u++) {
                        units.add(new UnitRanking.Unit(l, q, u));
                    }
                }
            }
            firstRow.add(rows);
        }
        int steps = tokens.size();
        float[][] values = new float[units.size()][steps];
        for (int t = 0; t < steps; t++) {
            int step = t;
            stepper.next(ids[t], (layer, quantity, v) -> {
                Integer first = firstRow.get(layer).get(quantity);
                if (first != null) {
                    for (int u = 0; u < v.length; u++) {
                        values[first + u][step] = v[u];
                    }
                }
            });
        }
        List<UnitsReport.FeatureResult> results = new ArrayList<>();
        for (TextFeature feature : TextFeature.values()) {
            double[] target = feature.values(tokens);
            if (!UnitRanking.varies(target)) {
                results.add(new UnitsReport.FeatureResult(feature, false, target, List.of(), new float[0]));
                continue;
            }
            List<UnitRanking.Score> ranked = UnitRanking.rank(feature, target, units, values);
            List<UnitRanking.Score> best = ranked.subList(0, Math.min(top, ranked.size()));
            float[] bestValues = best.isEmpty() ? new float[0] : values[units.indexOf(best.get(0).unit())];
            results.add(new UnitsReport.FeatureResult(feature, true, target, List.copyOf(best), bestValues));
        }
        return new UnitsReport(model.spec().cell().id(), tokens, units.size(), results);
    }
}
