package pena.cli;

import picocli.CommandLine;

/** The version from the jar's manifest ("dev" when run from classes). */
final class PenaVersion implements CommandLine.IVersionProvider {
    static String version() {
        String version = Main.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }

    @Override
    public String[] getVersion() {
        return new String[]{"pena " + version() + " (DL4J 1.0.0-M2.1, Java " + Runtime.version() + ")"};
    }
}
