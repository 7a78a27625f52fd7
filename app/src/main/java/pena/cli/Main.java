package pena.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

import java.util.Set;

/** {@code pena}: the top command. */
@Command(name = "pena", mixinStandardHelpOptions = true, versionProvider = PenaVersion.class,
        description = "Recurrent language models that learn to write Portuguese.",
        subcommands = {CorpusCommand.class, TrainCommand.class, SampleCommand.class, EvaluateCommand.class,
                CompareCommand.class, InspectCommand.class, ServeCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    /** Commands that never touch ND4J: no native library is loaded for them. */
    private static final Set<String> WITHOUT_NATIVES = Set.of("corpus", "help");
    static final String VERBOSE_VARIABLE = "PENA_VERBOSE";
    private static final String LOG_LEVEL = "org.slf4j.simpleLogger.defaultLogLevel";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--verbose", scope = ScopeType.INHERIT,
            description = "Show the libraries' own log lines (ND4J's start-up report among them); "
                    + "also PENA_VERBOSE=1.")
    boolean verbose;

    public static void main(String[] args) {
        NativeEnvironment.prepare();
        stopOnSignals();
        System.exit(commandLine().execute(args));
    }

    /**
     * {@code kill -INT} and {@code kill -TERM} of Pena's PID end it through the shutdown hooks
     * (a training run saves its checkpoint first; see {@link StopOnInterrupt}). The JVM does this
     * by itself only where the signal was not ignored when it started, and a shell starts
     * background commands with SIGINT ignored: so Pena restores both signals' default action and
     * asks for them itself. Exit codes are the usual 128 + signal number. (SIGHUP is left as it
     * is, for nohup.)
     */
    @SuppressWarnings("restriction")
    private static void stopOnSignals() {
        for (String name : new String[]{"INT", "TERM"}) {
            try {
                sun.misc.Signal signal = new sun.misc.Signal(name);
                NativeEnvironment.restoreDefaultAction(signal.getNumber());
                sun.misc.Signal.handle(signal, s -> System.exit(128 + s.getNumber()));
            } catch (IllegalArgumentException | UnsupportedOperationException e) {
                // no such signal here, or the JVM keeps it (-Xrs): its default stands
            }
        }
    }

    /** The configured command line, also used by tests with their own output streams. */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new Main());
        commandLine.setExecutionExceptionHandler(new UserErrors());
        commandLine.setParameterExceptionHandler(new UserErrors());
        commandLine.setExecutionStrategy(Main::execute);
        return commandLine;
    }

    /** Quiets the libraries' logging unless asked, loads the natives where the command needs them, then runs it. */
    private static int execute(CommandLine.ParseResult parsed) {
        boolean verbose = System.getenv(VERBOSE_VARIABLE) != null;
        CommandLine.ParseResult leaf = parsed;
        verbose |= leaf.hasMatchedOption("--verbose");
        boolean natives = true;
        while (leaf.hasSubcommand()) {
            leaf = leaf.subcommand();
            verbose |= leaf.hasMatchedOption("--verbose");
            natives &= !WITHOUT_NATIVES.contains(leaf.commandSpec().name());
        }
        if (System.getProperty(LOG_LEVEL) == null) {
            // slf4j-simple reads this when its first logger is made: ND4J's INFO lines stay out of the way
            System.setProperty(LOG_LEVEL, verbose ? "info" : "warn");
        }
        boolean help = leaf.isUsageHelpRequested() || leaf.isVersionHelpRequested();
        if (!help && natives && leaf != parsed) {
            NativeEnvironment.afterNd4jLoaded();
        }
        return new CommandLine.RunLast().execute(parsed);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
