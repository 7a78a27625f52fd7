package pena.cli;

import pena.corpus.CorpusLibrary;
import pena.model.ModelFile;
import pena.web.ClassroomServer;
import pena.web.ServedModel;
import pena.web.ServerLimits;
import pena.web.TrainingLimits;
import pena.web.TrainingRoom;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code pena serve}: the classroom page over one or more models. */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Serves the classroom page: generate text, look inside the cell (gates over a sentence), "
                + "the layer stack and the model's training curve.",
                "Give --model several times to put models side by side (an LSTM and a GRU, say), or none to start "
                        + "from an empty page. Ctrl-C stops it.",
                "The Treinar tab trains a new model in front of the class (on this machine's address by default; "
                        + "--allow-training when listening beyond it); its files go to --models-dir like pena train's."})
public final class ServeCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", paramLabel = "FILE", description = "A model written by `pena train`; repeatable. "
            + "Without one the page starts empty and its Treinar tab trains the first.")
    List<Path> models = new ArrayList<>();

    @Option(names = "--port", defaultValue = "8080", description = "TCP port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to listen on; 0.0.0.0 lets other machines in (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--time-limit", defaultValue = "5", paramLabel = "SECONDS", description = "Longest a generation may run before it is cut off (default: ${DEFAULT-VALUE}).")
    double timeLimit;

    @Option(names = "--max-connections", defaultValue = "512", description = "Open connections at most; more wait to be accepted (default: ${DEFAULT-VALUE}).")
    int maxConnections;

    @Option(names = "--idle-timeout", defaultValue = "5", paramLabel = "SECONDS", description = "A connection that sends nothing for this long is closed (default: ${DEFAULT-VALUE}).")
    double idleTimeout;

    @Option(names = "--request-timeout", defaultValue = "10", paramLabel = "SECONDS", description = "A request must arrive whole within this long of its first byte (default: ${DEFAULT-VALUE}).")
    double requestTimeout;

    @Option(names = "--allow-training", description = "Let the page train models even when --host lets other machines in (on the loopback address it always may).")
    boolean allowTraining;

    @Option(names = "--models-dir", defaultValue = "models", paramLabel = "DIR", description = "Where the page's training runs write NAME.zip and NAME.ckpt.zip (default: ${DEFAULT-VALUE}).")
    Path modelsDir;

    @Option(names = "--max-corpus-mb", defaultValue = "10", paramLabel = "MB", description = "Largest corpus (uploaded or chosen) the page trains on (default: ${DEFAULT-VALUE}).")
    double maxCorpusMb;

    @Option(names = "--max-layers", defaultValue = "3", description = "Most stacked layers a run from the page may ask (default: ${DEFAULT-VALUE}).")
    int maxLayers;

    @Option(names = "--max-hidden", defaultValue = "512", description = "Most units per layer a run from the page may ask (default: ${DEFAULT-VALUE}).")
    int maxHidden;

    @Option(names = "--max-minutes", defaultValue = "30", description = "Longest budget a run from the page may ask, in minutes (default: ${DEFAULT-VALUE}).")
    double maxMinutes;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        if (port < 0 || port > 65535) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--port must be between 0 and 65535");
        }
        if (!(timeLimit > 0 && timeLimit <= 600)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--time-limit must be in (0, 600] seconds");
        }
        if (maxConnections < 1 || !(idleTimeout > 0 && idleTimeout <= 3600) || !(requestTimeout > 0 && requestTimeout <= 3600)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--max-connections must be at least 1, --idle-timeout and --request-timeout in (0, 3600] seconds");
        }
        if (!(maxCorpusMb > 0 && maxCorpusMb <= 10_000) || maxLayers < 1 || maxHidden < 2
                || !(maxMinutes > 0 && maxMinutes <= 24 * 60)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--max-corpus-mb must be in (0, 10000], "
                    + "--max-layers at least 1, --max-hidden at least 2, --max-minutes in (0, 1440]");
        }
        TrainingLimits trainingLimits = new TrainingLimits((long) (maxCorpusMb * 1_000_000), maxLayers, maxHidden,
                maxMinutes);
        ServerLimits limits = ServerLimits.defaults(timeLimit).withConnections(maxConnections)
                .withTimeouts(idleTimeout, requestTimeout);
        ClassroomServer.checkAddress(host); // before the models load: a typo fails at once
        List<ServedModel> served = new ArrayList<>();
        for (int i = 0; i < models.size(); i++) {
            Path file = models.get(i);
            String name = file.getFileName().toString().replaceFirst("\\.zip$", "");
            served.add(new ServedModel(String.valueOf(i + 1), name, ModelFile.load(file, false)));
        }
        TrainingRoom training = new TrainingRoom(trainingLimits, new ModelValidation(16, 100_000),
                CorpusLibrary.standard(), modelsDir, out);
        ClassroomServer server = new ClassroomServer(served, host, port, limits, spec.commandLine().getErr(), training,
                allowTraining);
        server.start();
        out.println("Pena's classroom page: http://" + (host.contains(":") ? "[" + host + "]" : host) + ":"
                + server.port() + "/  (Ctrl-C stops it)");
        if (served.isEmpty()) {
            out.println("no model yet: the page's Treinar tab trains the first (into " + modelsDir + ")");
        }
        if (!server.loopbackOnly()) {
            out.println("warning: listening on " + host + ": other machines on the network can use the page"
                    + (allowTraining ? ", and train on this machine (--allow-training)" : "; training from the page "
                    + "is off (--allow-training turns it on)"));
        }
        out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "pena-serve-stop"));
        stopped.await();
        return 0;
    }
}
