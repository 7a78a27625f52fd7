package pena.cli;

import picocli.CommandLine;

import java.io.PrintWriter;

/**
 * Turns failures into one line on stderr and an exit code: 2 for a bad command line, 1 for a
 * problem with the user's files or values. Only a bug in Pena prints a stack trace.
 */
final class UserErrors implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {
    static final int BAD_USAGE = 2;
    static final int FAILED = 1;

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        if (isUserError(e)) {
            err.println("pena: " + e.getMessage());
        } else {
            err.println("pena: internal error, please report it with the command you ran:");
            e.printStackTrace(err);
        }
        err.flush();
        return FAILED;
    }

    @Override
    public int handleParseException(CommandLine.ParameterException e, String[] args) {
        PrintWriter err = e.getCommandLine().getErr();
        err.println("pena: " + e.getMessage() + " (see `" + e.getCommandLine().getCommandSpec().qualifiedName()
                + " --help`)");
        err.flush();
        return BAD_USAGE;
    }

    /** Pena's own exceptions, and argument checks thrown from Pena's code, carry messages meant for users. */
    static boolean isUserError(Throwable e) {
        if (e.getClass().getName().startsWith("pena.")) {
            return true;
        }
        if (e instanceof IllegalArgumentException) {
            StackTraceElement[] trace = e.getStackTrace();
            return trace.length > 0 && trace[0].getClassName().startsWith("pena.");
        }
        return false;
    }
}
