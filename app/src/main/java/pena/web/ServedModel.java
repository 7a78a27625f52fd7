package pena.web;

import pena.generate.Sampler;
import pena.inspect.Inspector;
import pena.inspect.MemoryProbe;
import pena.inspect.MemoryProfile;
import pena.inspect.UnitsInspector;
import pena.model.HistoryPoint;
import pena.model.PenaModel;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A model the page can use. Sampling and inspection run over read-only copies of its weights
 * with a fresh recurrent state per request, so users never share state.
 */
public final class ServedModel {
    private final String id;
    private final String name;
    private final PenaModel model;
    private final Sampler sampler;
    private final Inspector inspector;
    private MemoryProbe probe;       // made on first use: a double copy of the weights
    private MemoryProfile profile;   // of the validation text, measured once
    private UnitsInspector units;

    public ServedModel(String id, String name, PenaModel model) {
        this.id = id;
        this.name = name;
        this.model = model;
        this.sampler = new Sampler(model);
        if (!sampler.concurrent()) {
            throw new WebException(name + ": this model's layers cannot be served to several users at once; "
                    + "serve a model with Pena's rnn, lstm or gru cells");
        }
        this.inspector = new Inspector(model);
    }

    public String id() {
        return id;
    }

    PenaModel model() {
        return model;
    }

    Sampler sampler() {
        return sampler;
    }

    Inspector inspector() {
        return inspector;
    }

    /** The units report's reader, made on first use (character models only). */
    synchronized UnitsInspector unitsInspector() {
        if (units == null) {
            units = new UnitsInspector(model);
        }
        return units;
    }

    synchronized MemoryProbe memoryProbe() {
        if (probe == null) {
            probe = new MemoryProbe(model);
        }
        return probe;
    }

    /** The memory profile of the validation text, measured on first request ({@link #PROFILE_POSITIONS} predictions). */
    synchronized MemoryProfile memoryProfile() {
        if (profile == null) {
            profile = memoryProbe().validationProfile(MemoryProbe.DEFAULT_WINDOW, PROFILE_POSITIONS);
        }
        return profile;
    }

    /** Predictions the page's memory curve averages over: fewer than the report's, so the tab opens in seconds. */
    static final int PROFILE_POSITIONS = 64;

    /** What the page's "Modelo" tab shows. */
    Map<String, Object> info() {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("id", id);
        info.put("name", name);
        info.put("cell", model.spec().cell().id());
        info.put("level", model.spec().level().id());
        info.put("layers", model.spec().layers());
        info.put("hidden", model.spec().hidden());
        info.put("embedding", model.spec().embedding());
        info.put("vocabulary", model.spec().vocabularySize());
        info.put("tbptt", model.spec().tbptt());
        info.put("description", model.spec().describe());
        info.put("parameters", model.network().numParams());
        info.put("corpus", model.training().corpus());
        info.put("bestValidationBpc", finiteOrNull(model.training().bestValidationBpc()));
        info.put("trainingSeconds", model.training().seconds());
        info.put("tokensSeen", model.training().tokensSeen());
        info.put("charsPerSecond", model.training().charsPerSecond());
        List<HistoryPoint> history = model.training().history();
        info.put("history", history.stream().map(p -> List.of(p.seconds(), p.tokensSeen(), p.validationBpc(),
                finiteOr(p.trainLoss()))).toList());
        return info;
    }

    private static Object finiteOrNull(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static double finiteOr(double v) {
        return Double.isFinite(v) ? v : -1;
    }
}
