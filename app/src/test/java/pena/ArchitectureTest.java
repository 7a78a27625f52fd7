package pena;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Keeps DESIGN.md's package rules: each package imports only the Pena packages it may use
 * (directly, or through what those may use). Uses beyond the table are allowed and noted
 * in the README: train reads corpora itself; generate and eval build input arrays with data;
 * compare samples with generate and measures memory with inspect.
 * The layers library (layers/) is a module of its own: it never imports the application, and
 * its rooms import downwards only (layers → cells → kernels; step → layers, cells).
 */
class ArchitectureTest {
    private static final Map<String, List<String>> MAY_USE = Map.ofEntries(
            Map.entry("files", List.of()),
            Map.entry("corpus", List.of("files")),
            Map.entry("token", List.of("corpus")),
            Map.entry("data", List.of("token", "corpus")),
            Map.entry("nn", List.of("layers")),
            Map.entry("model", List.of("nn", "token")),
            Map.entry("train", List.of("data", "nn", "model", "corpus")),
            Map.entry("generate", List.of("model", "data")),
            Map.entry("eval", List.of("model", "data")),
            Map.entry("compare", List.of("train", "eval", "generate", "inspect")),
            Map.entry("inspect", List.of("model", "nn")),
            Map.entry("web", List.of("generate", "inspect", "eval", "train")),
            Map.entry("cli", List.of("corpus", "token", "data", "nn", "model", "train", "generate", "eval", "compare", "inspect", "web")));

    /** The library's rooms: the DL4J-facing root ("") and its subpackages. */
    private static final Map<String, List<String>> LIBRARY_MAY_USE = Map.of(
            "kernels", List.of(),
            "cells", List.of("kernels"),
            "", List.of("cells", "kernels"),
            "step", List.of("", "cells", "kernels"));

    private static final Pattern LIBRARY_IMPORT =
            Pattern.compile("^import (?:static )?pena\\.layers\\.(?:([a-z]\\w*)\\.)?[A-Z]", Pattern.MULTILINE);
    private static final Pattern ANY_PENA_IMPORT = Pattern.compile("^import (?:static )?pena\\.(\\w+)\\.", Pattern.MULTILINE);

    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?pena\\.(\\w+)\\.", Pattern.MULTILINE);

    @Test
    void packagesOnlyUseWhatTheDesignAllows() throws IOException {
        Path root = Path.of("app", "src", "main", "java", "pena");
        StringBuilder violations = new StringBuilder();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String pkg = root.relativize(file).getName(0).toString();
                Set<String> allowed = closure(pkg);
                Matcher m = IMPORT.matcher(Files.readString(file));
                while (m.find()) {
                    String used = m.group(1);
                    if (!used.equals(pkg) && !allowed.contains(used)) {
                        violations.append(file).append(" uses pena.").append(used).append('\n');
                    }
                }
            }
        }
        assertTrue(violations.isEmpty(), violations.toString());
    }

    @Test
    void theLayersLibraryNeverUsesTheApplicationAndItsRoomsUseOnlyWhatLiesBelow() throws IOException {
        Path root = Path.of("layers", "src", "main", "java", "pena", "layers");
        StringBuilder violations = new StringBuilder();
        int files = 0;
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(p -> p.toString().endsWith(".java")).toList()) {
                files++;
                Path relative = root.relativize(file);
                String room = relative.getNameCount() == 1 ? "" : relative.getName(0).toString();
                String text = Files.readString(file);
                Matcher any = ANY_PENA_IMPORT.matcher(text);
                while (any.find()) {
                    if (!any.group(1).equals("layers")) {
                        violations.append(file).append(" uses the application: pena.").append(any.group(1)).append('\n');
                    }
                }
                Set<String> allowed = closure(room, LIBRARY_MAY_USE);
                Matcher m = LIBRARY_IMPORT.matcher(text);
                while (m.find()) {
                    String used = m.group(1) == null ? "" : m.group(1);
                    if (!used.equals(room) && !allowed.contains(used)) {
                        violations.append(file).append(" uses pena.layers").append(used.isEmpty() ? "" : "." + used)
                                .append('\n');
                    }
                }
            }
        }
        assertTrue(files > 20, "found only " + files + " files of the library under " + root);
        assertTrue(violations.isEmpty(), violations.toString());
    }

    private static Set<String> closure(String pkg) {
        return closure(pkg, MAY_USE);
    }

    private static Set<String> closure(String pkg, Map<String, List<String>> rules) {
        Set<String> all = new HashSet<>();
        for (String direct : rules.getOrDefault(pkg, List.of())) {
            all.add(direct);
            all.addAll(closure(direct, rules));
        }
        return all;
    }
}
