package pena.train;

import pena.model.TrainingState;
import pena.nn.NetworkSpec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The options a run is built with, which {@code --resume} takes from the checkpoint and cannot
 * change: as the user typed them this time, each null when not given. Given with the value the
 * run already has, they are fine (the stop message says "the same command and --resume").
 */
public record FixedOptions(String level, String cell, Integer layers, Integer hidden, Integer embedding,
                           Integer dense, Double dropout, Double l2, Double learningRate, Double clip,
                           Integer batch, Integer tbptt, Long seed, Double valFraction, Path corpus,
                           String lrSchedule) {

    public static FixedOptions none() {
        return new FixedOptions(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null);
    }

    /** One line per option given with a value that differs from the checkpoint's. */
    List<String> conflicts(NetworkSpec saved, TrainingState state) {
        List<String> problems = new ArrayList<>();
        check(problems, "--level", level, saved.level().id());
        check(problems, "--cell", cell, saved.cell().id());
        check(problems, "--layers", layers, saved.layers());
        check(problems, "--hidden", hidden, saved.hidden());
        check(problems, "--embedding", embedding, saved.embedding());
        check(problems, "--dense", dense, saved.dense());
        check(problems, "--dropout", dropout, saved.dropout());
        check(problems, "--l2", l2, saved.l2());
        check(problems, "--lr", learningRate, saved.learningRate());
        check(problems, "--clip", clip, saved.clip());
        check(problems, "--batch", batch, state.batch());
        check(problems, "--tbptt", tbptt, saved.tbptt());
        check(problems, "--seed", seed, saved.seed());
        check(problems, "--val-fraction", valFraction, state.valFraction());
        check(problems, "--lr-schedule", lrSchedule, state.schedule());
        if (corpus != null) {
            Path savedCorpus = Path.of(state.corpus()).toAbsolutePath().normalize();
            if (!corpus.toAbsolutePath().normalize().equals(savedCorpus)) {
                problems.add("--corpus " + corpus + " (the run reads " + state.corpus() + ")");
            }
        }
        return problems;
    }

    private static void check(List<String> problems, String option, Object given, Object saved) {
        if (given == null) {
            return;
        }
        boolean same = given instanceof Double d && saved instanceof Double s ? d.doubleValue() == s.doubleValue()
                : Objects.equals(given, saved);
        if (!same) {
            problems.add(String.format(Locale.ROOT, "%s %s (the run has %s)", option, given, saved));
        }
    }
}
