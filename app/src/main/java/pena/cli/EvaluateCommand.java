package pena.cli;

import pena.corpus.Corpus;
import pena.corpus.CorpusLibrary;
import pena.corpus.CorpusException;
import pena.corpus.Document;
import pena.data.PreparedCorpus;
import pena.data.ValidationSplit;
import pena.eval.EvaluationResult;
import pena.eval.Evaluator;
import pena.model.ModelFile;
import pena.model.PenaModel;
import pena.train.ProgressLine;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code pena evaluate}: perplexity and bits per character of a model on a text. */
@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Scores a model on a text: cross-entropy with the state carried through each document,",
                "perplexity and bits per character. Ends with a RESULT line."})
public final class EvaluateCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "FILE", description = "A model written by `pena train`.")
    Path model;

    @Option(names = "--text", paramLabel = "PATH|NAME",
            description = "A file, folder or corpus name to score, or a prepared corpus (its validation split) "
                    + "(default: the model's own validation split).")
    String text;

    @Option(names = "--streams", defaultValue = "1",
            description = "Score the text in N parallel parts; 1 carries the state through each whole document "
                    + "(exact), more is faster (default: ${DEFAULT-VALUE}).")
    int streams;

    @Override
    public Integer call() {
        if (streams < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--streams must be at least 1");
        }
        PrintWriter out = spec.commandLine().getOut();
        PenaModel loaded = ModelFile.load(model, false);
        ValidationSplit split;
        String what;
        if (text == null) {
            split = ValidationSplit.encode(loaded.tokenizer(), loaded.vocabulary(), loaded.validationTexts());
            what = "validation split of " + loaded.training().corpus();
        } else {
            Path path = CorpusLibrary.standard().resolve(text);
            if (PreparedCorpus.isPrepared(path)) {
                PreparedCorpus prepared = PreparedCorpus.open(path);
                if (!prepared.header().symbols().equals(loaded.vocabulary().symbols())) {
                    throw new CorpusException(path + ": prepared with another vocabulary than " + model
                            + "'s; give the text itself with --text");
                }
                split = prepared.validation();
                what = "validation split of the prepared corpus " + path;
            } else {
                List<String> documents = Corpus.read(path).documents().stream().map(Document::text).toList();
                split = ValidationSplit.encode(loaded.tokenizer(), loaded.vocabulary(), documents);
                what = text;
            }
        }
        long start = System.nanoTime();
        ProgressLine line = new ProgressLine(out, System.console() != null, 10, true);
        EvaluationResult result = Evaluator.evaluate(loaded, split, streams, (done, chunks, tokens) -> {
            if (done == chunks || !line.due()) {
                return;
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            line.show(String.format(Locale.ROOT, "scoring  %5.1f%%  %,.0f tokens/s  ETA %.0f s", 100.0 * done / chunks,
                    tokens / elapsed, elapsed * (chunks - done) / done));
        });
        line.breakLine();
        double seconds = (System.nanoTime() - start) / 1e9;
        out.printf(Locale.ROOT, "%s: %s on %s (%.1f s)%n", model, loaded.spec().describe(), what, seconds);
        if (result.unknown() > 0) {
            out.printf(Locale.ROOT, "%d tokens (%.2f%%) are not in the model's vocabulary and were scored as <unk>%n",
                    result.unknown(), 100 * result.oovRate());
        }
        out.println(result.resultLine());
        out.flush();
        return 0;
    }
}
