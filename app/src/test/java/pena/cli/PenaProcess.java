package pena.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The command line of a separate Pena process, started as a user starts it, on the tests' classpath. */
final class PenaProcess {
    private PenaProcess() {
    }

    static List<String> command(String maxHeap, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + maxHeap, "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        return command;
    }
}
