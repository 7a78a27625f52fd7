package pena.cli;

import pena.inspect.Attribution;
import pena.inspect.CsvExport;
import pena.inspect.InspectionException;
import pena.inspect.MemoryCsv;
import pena.inspect.MemoryPicture;
import pena.inspect.MemoryProbe;
import pena.inspect.MemoryProfile;
import pena.inspect.MemoryText;
import pena.inspect.UnitsCsv;
import pena.inspect.UnitsInspector;
import pena.inspect.UnitsPicture;
import pena.inspect.UnitsReport;
import pena.inspect.UnitsText;
import pena.inspect.Inspection;
import pena.inspect.Inspector;
import pena.inspect.PngHeatmap;
import pena.inspect.TerminalHeatmap;
import pena.model.ModelFile;
import pena.model.PenaModel;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code pena inspect}: the gates and states of each layer over a text, as pictures and numbers. */
@Command(name = "inspect", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Shows what happens inside the cell while the model reads a text: LSTM gates it, ft, ot, "
                + "the candidate C̃t, the cell state Ct and ht; GRU gates zt, rt, the candidate h̃t and ht; "
                + "and the model's top next characters after each one.",
                "Prints a colour heatmap (one row per unit, one column per character); --csv and --png write "
                        + "the numbers and a picture.",
                "With --memory: how far back the model remembers. The text with each earlier character shaded by "
                        + "its influence on the prediction of one character (--at), the gradient norm "
                        + "|d log p / d x(t-k)| through every layer, and the mean influence against distance over "
                        + "the model's validation text (for an LSTM also the cell state's path, the product of "
                        + "forget gates).",
                "With --units-report: the units that learned something, ranked per feature (AUC for on/off "
                        + "features, |correlation| for graded ones), each best unit shown as coloured text."})
public final class InspectCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "FILE", description = "A model written by `pena train`.")
    Path model;

    @Option(names = "--text", description = "The text the model reads, from a zero state (--units-report: default the model's validation text).")
    String text;

    @Option(names = "--layer", defaultValue = "1", description = "Layer shown in the heatmaps, 1 = the one reading the characters (default: ${DEFAULT-VALUE}).")
    int layer;

    @Option(names = "--units", defaultValue = "32", description = "Units shown, from the first (default: ${DEFAULT-VALUE}).")
    int units;

    @Option(names = "--top", defaultValue = "5", description = "Most likely next characters listed per step (default: ${DEFAULT-VALUE}).")
    int top;

    @Option(names = "--memory", description = "Show memory instead of the gates: which earlier characters shaped a prediction, and influence against distance.")
    boolean memory;

    @Option(names = "--at", paramLabel = "N", defaultValue = "0", description = "With --memory: the character (1 = the first) whose prediction is explained; 0: the last (default: ${DEFAULT-VALUE}).")
    int at;

    @Option(names = "--window", paramLabel = "N", defaultValue = "" + MemoryProbe.DEFAULT_WINDOW, description = "With --memory: characters before a prediction that are read, from the zero state (default: ${DEFAULT-VALUE}).")
    int window;

    @Option(names = "--positions", paramLabel = "N", defaultValue = "" + MemoryProbe.DEFAULT_POSITIONS, description = "With --memory: predictions of the validation text the curve averages over; 0: no curve (default: ${DEFAULT-VALUE}).")
    int positions;

    @Option(names = "--units-report", description = "Rank every unit (each layer's h, and C for an LSTM) by how well it follows named features of the text: quotations, parentheses, dialogue, position in a word, a sentence's end, capitals, accented vowels, digits.")
    boolean unitsReport;

    @Option(names = "--characters", paramLabel = "N", defaultValue = "" + UnitsInspector.DEFAULT_CHARACTERS, description = "With --units-report and no --text: characters of the validation text read (default: ${DEFAULT-VALUE}).")
    int characters;

    @Option(names = "--csv", paramLabel = "FILE", description = "Write every layer's values (and the top next characters) as CSV; with --memory one row per distance, with --units-report the ranking.")
    Path csv;

    @Option(names = "--png", paramLabel = "FILE", description = "Write the heatmaps of --layer as a PNG picture; with --memory the shaded text and the curve, with --units-report each best unit's coloured text.")
    Path png;

    private int units(PenaModel loaded) {
        UnitsInspector inspector = new UnitsInspector(loaded);
        UnitsReport report = text == null ? inspector.validationReport(characters, UNITS_SHOWN)
                : inspector.report(text, UNITS_SHOWN);
        PrintWriter out = spec.commandLine().getOut();
        out.print(UnitsText.render(report));
        if (csv != null) {
            UnitsCsv.write(report, csv);
            out.println("wrote " + csv);
        }
        if (png != null) {
            UnitsPicture.write(report, png);
            out.println("wrote " + png);
        }
        out.flush();
        return 0;
    }

    /** Units listed per feature by --units-report. */
    private static final int UNITS_SHOWN = 5;

    private int memory(PenaModel loaded) {
        if (window < 1 || window > 1000 || positions < 0 || positions > 10_000 || at < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--window must be 1 to 1000, --positions 0 to "
                    + "10000 and --at 0 (the last) or a character's position");
        }
        int tokens;
        try {
            tokens = pena.model.ModelText.read(loaded, text, "--text").tokens().size();
        } catch (pena.model.ModelText.UnknownSymbolsException e) {
            throw new InspectionException(e.getMessage());
        }
        if (tokens < 2) {
            throw new InspectionException("--text needs at least two characters: one read, one predicted");
        }
        if (at > tokens || at == 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--at must be between 2 and " + tokens
                    + " (the text's length) or 0 for the last");
        }
        MemoryProbe probe = new MemoryProbe(loaded); // a double copy of the weights: made once the input is checked
        Attribution attribution = probe.attribute(text, (at == 0 ? tokens : at) - 1, window);
        MemoryProfile profile = null;
        PrintWriter out = spec.commandLine().getOut();
        String unit = loaded.spec().level().words() ? "tokens" : "characters";
        if (positions > 0) {
            out.printf("averaging the memory over %d predictions of the validation text …%n", positions);
            out.flush();
            profile = probe.validationProfile(window, positions);
        }
        out.print(MemoryText.render(attribution, profile, unit));
        if (csv != null) {
            MemoryCsv.write(attribution, profile, csv);
            out.println("wrote " + csv);
        }
        if (png != null) {
            MemoryPicture.write(attribution, profile, unit, png);
            out.println("wrote " + png);
        }
        out.flush();
        return 0;
    }

    @Override
    public Integer call() {
        if (units < 1 || top < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--units and --top must be at least 1");
        }
        if (memory && unitsReport) {
            throw new CommandLine.ParameterException(spec.commandLine(), "choose one of --memory and --units-report");
        }
        if (text == null && !unitsReport) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give the text to read: --text TEXT");
        }
        if (characters < 100 || characters > UnitsInspector.MAX_CHARACTERS) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--characters must be between 100 and "
                    + UnitsInspector.MAX_CHARACTERS);
        }
        PenaModel loaded = ModelFile.load(model, false);
        if (memory) {
            return memory(loaded);
        }
        if (unitsReport) {
            return units(loaded);
        }
        if (layer < 1 || layer > loaded.spec().layers()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--layer must be between 1 and "
                    + loaded.spec().layers() + " for " + model);
        }
        Inspection inspection = new Inspector(loaded).inspect(text, top);
        PrintWriter out = spec.commandLine().getOut();
        out.print(TerminalHeatmap.render(inspection, layer - 1, units));
        if (csv != null) {
            CsvExport.write(inspection, csv);
            out.println("wrote " + csv);
        }
        if (png != null) {
            PngHeatmap.write(inspection, layer - 1, units, png);
            out.println("wrote " + png);
        }
        out.flush();
        return 0;
    }
}
