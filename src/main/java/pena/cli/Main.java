package pena.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code pena}: the top command. */
@Command(name = "pena", mixinStandardHelpOptions = true, versionProvider = PenaVersion.class,
        description = "Recurrent language models that learn to write Portuguese.",
        subcommands = {CorpusCommand.class, TrainCommand.class, SampleCommand.class, EvaluateCommand.class,
                CompareCommand.class, InspectCommand.class, ServeCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        NativeLauncher.relaunchIfNeeded(args);
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, also used by tests with their own output streams. */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new Main());
        commandLine.setExecutionExceptionHandler(new UserErrors());
        commandLine.setParameterExceptionHandler(new UserErrors());
        return commandLine;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
