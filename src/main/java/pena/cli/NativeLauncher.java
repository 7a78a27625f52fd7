package pena.cli;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Sets the OpenMP environment before ND4J's native library starts. OpenMP reads it once, at
 * load time, and Java cannot change its own environment, so when it is missing Pena starts
 * itself again with it set: {@code OMP_WAIT_POLICY=PASSIVE} (idle OpenMP threads otherwise
 * spin and steal the cores: DL4J trains 2.5 times slower on 2 cores) and one OpenMP thread.
 * Set the variables yourself, or {@code PENA_NO_RELAUNCH=1}, to skip this.
 */
final class NativeLauncher {
    static final String WAIT_POLICY = "OMP_WAIT_POLICY";
    static final String THREADS = "OMP_NUM_THREADS";

    private NativeLauncher() {
    }

    static void relaunchIfNeeded(String[] args) {
        Map<String, String> env = System.getenv();
        if (env.containsKey(WAIT_POLICY) || env.containsKey("PENA_NO_RELAUNCH")) {
            return;
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Main.class.getName());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        builder.environment().put(WAIT_POLICY, "PASSIVE");
        builder.environment().putIfAbsent(THREADS, "1");
        try {
            ignoreInterruptsHere();
            Process child = builder.start();
            System.exit(child.waitFor());
        } catch (Exception e) {
            System.err.println("pena: could not set up OpenMP (" + e.getMessage() + "); running without it");
        }
    }

    /**
     * Ctrl-C reaches both processes; the child saves its checkpoint and exits, and this one
     * waits for it instead of exiting first.
     */
    @SuppressWarnings("restriction")
    private static void ignoreInterruptsHere() {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("INT"), signal -> { });
        } catch (IllegalArgumentException | UnsupportedOperationException ignored) {
            // no SIGINT on this platform
        }
    }
}
