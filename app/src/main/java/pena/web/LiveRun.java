package pena.web;

import pena.model.HistoryPoint;
import pena.model.PenaModel;
import pena.train.TrainingListener;
import pena.train.TrainingProgress;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One training run started from the page, as every open page sees it: what was asked and by
 * whom, where it stands, its curve and the samples of its evaluation points. Filled in by the
 * trainer's thread through {@link TrainingListener}; read by the request threads as a
 * {@link #view() snapshot}.
 */
final class LiveRun implements TrainingListener {
    enum Status {
        PREPARING, TRAINING, STOPPING, FINISHED, STOPPED, FAILED;

        boolean over() {
            return this == FINISHED || this == STOPPED || this == FAILED;
        }

        String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Seconds of training the curve's training-loss points each average over. */
    static final double TRAIN_POINT_SECONDS = 2;

    private final int number;
    private final TrainingRequest request;
    private final String from;
    private final long startedMillis;
    private final String file;
    private Status status = Status.PREPARING;
    private String description;
    private long parameters;
    private long trainingTokens;
    private TrainingProgress latest;
    private final List<double[]> trainPoints = new ArrayList<>();      // seconds, bits per character
    private final List<double[]> validationPoints = new ArrayList<>(); // seconds, validation BPC
    private final List<Map<String, Object>> samples = new ArrayList<>();
    private double binLossSum;
    private int binWindows;
    private double binStart;
    private String message;
    private String modelId;

    /** @param file the best model's file, as the page names it */
    LiveRun(int number, TrainingRequest request, String from, long startedMillis, String file) {
        this.number = number;
        this.file = file;
        this.request = request;
        this.from = from;
        this.startedMillis = startedMillis;
    }

    TrainingRequest request() {
        return request;
    }

    synchronized Status status() {
        return status;
    }

    synchronized boolean over() {
        return status.over();
    }

    synchronized void stopping() {
        if (!status.over()) {
            status = Status.STOPPING;
        }
    }

    synchronized void ended(Status end, String message, String modelId) {
        this.status = end;
        this.message = message;
        this.modelId = modelId;
    }

    /** Who runs what, for the answer to a second start. */
    synchronized String who() {
        String left = latest == null || !Double.isFinite(latest.etaSeconds()) ? ""
                : ", " + Math.round(latest.etaSeconds()) + " s left";
        return request.describe() + ", started from " + from + left;
    }

    @Override
    public synchronized void started(PenaModel model, String corpusName, long trainingTokens) {
        this.description = model.spec().describe();
        this.parameters = model.network().numParams();
        this.trainingTokens = trainingTokens;
        if (status == Status.PREPARING) {
            status = Status.TRAINING;
        }
    }

    /** What the network writes before it has learned anything: the class's first sample, of noise. */
    synchronized void sampledBeforeTraining(String sample) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("seconds", 0.0);
        s.put("validationBpc", null);
        s.put("best", false);
        s.put("text", sample);
        samples.add(0, s);
    }

    @Override
    public synchronized void progressed(TrainingProgress progress) {
        latest = progress;
        binLossSum += progress.windowLoss();
        binWindows++;
        if (progress.seconds() - binStart >= TRAIN_POINT_SECONDS) {
            trainPoints.add(new double[]{progress.seconds(), binLossSum / binWindows / Math.log(2)});
            binLossSum = 0;
            binWindows = 0;
            binStart = progress.seconds();
        }
    }

    @Override
    public synchronized void evaluated(HistoryPoint point, boolean best, String sample) {
        validationPoints.add(new double[]{point.seconds(), point.validationBpc()});
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("seconds", point.seconds());
        s.put("validationBpc", point.validationBpc());
        s.put("best", best);
        s.put("text", sample);
        samples.add(s);
    }

    /** The run as JSON for the page. */
    synchronized Map<String, Object> view() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("number", number);
        v.put("status", status.id());
        v.put("corpus", request.corpus());
        v.put("cell", request.cell().id());
        v.put("layers", request.layers());
        v.put("hidden", request.hidden());
        v.put("dropout", request.dropout());
        v.put("minutes", request.minutes());
        v.put("name", request.name());
        v.put("file", file);
        v.put("from", from);
        v.put("startedMillis", startedMillis);
        v.put("description", description);
        v.put("parameters", parameters);
        v.put("trainingTokens", trainingTokens);
        if (latest != null) {
            v.put("seconds", latest.seconds());
            v.put("epoch", latest.epoch() + 1);
            v.put("epochFraction", latest.epochFraction());
            v.put("charsPerSecond", latest.tokensPerSecond());
            v.put("etaSeconds", Double.isFinite(latest.etaSeconds()) ? Math.max(0, latest.etaSeconds()) : null);
            v.put("budgetShare", Double.isFinite(latest.budgetShare()) ? Math.min(1, latest.budgetShare()) : null);
        }
        v.put("train", List.copyOf(trainPoints));
        v.put("validation", List.copyOf(validationPoints));
        v.put("samples", List.copyOf(samples));
        v.put("message", message);
        v.put("modelId", modelId);
        return v;
    }
}
