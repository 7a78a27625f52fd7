package pena.cli;

import pena.inspect.CsvExport;
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
                        + "the numbers and a picture."})
public final class InspectCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "FILE", description = "A model written by `pena train`.")
    Path model;

    @Option(names = "--text", required = true, description = "The text the model reads, from a zero state.")
    String text;

    @Option(names = "--layer", defaultValue = "1", description = "Layer shown in the heatmaps, 1 = the one reading the characters (default: ${DEFAULT-VALUE}).")
    int layer;

    @Option(names = "--units", defaultValue = "32", description = "Units shown, from the first (default: ${DEFAULT-VALUE}).")
    int units;

    @Option(names = "--top", defaultValue = "5", description = "Most likely next characters listed per step (default: ${DEFAULT-VALUE}).")
    int top;

    @Option(names = "--csv", paramLabel = "FILE", description = "Write every layer's values (and the top next characters) as CSV.")
    Path csv;

    @Option(names = "--png", paramLabel = "FILE", description = "Write the heatmaps of --layer as a PNG picture.")
    Path png;

    @Override
    public Integer call() {
        if (units < 1 || top < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--units and --top must be at least 1");
        }
        PenaModel loaded = ModelFile.load(model, false);
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
