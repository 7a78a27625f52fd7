package pena.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The result of one depth in plain words, in Portuguese and in English, with its numbers. */
final class Sentences {
    private Sentences() {
    }

    static List<String> about(CompareOptions options, List<ConfigurationSummary> depth, String reference) {
        List<String> lines = new ArrayList<>();
        ConfigurationSummary ref = depth.stream().filter(r -> r.cell().equals(reference)).findFirst().orElse(null);
        if (ref == null) {
            return lines;
        }
        boolean words = options.level().words();
        for (ConfigurationSummary other : depth) {
            if (other == ref) {
                continue;
            }
            String a = other.cell().toUpperCase(Locale.ROOT);
            String b = ref.cell().toUpperCase(Locale.ROOT);
            double diff = other.bestBpc().mean() - ref.bestBpc().mean();
            double ratio = other.tokensPerSecond().mean() / ref.tokensPerSecond().mean();
            String better = diff < 0 ? a : b;
            String bpcA = Report.meanSd(other.bestBpc(), 3);
            String bpcB = Report.meanSd(ref.bestBpc(), 3);
            String pt = String.format(Locale.ROOT,
                    "**PT.** Com %d camadas e o mesmo orçamento (%s), o %s (%,d parâmetros) chegou a um BPC de "
                            + "validação de %s e o %s (%,d parâmetros) a %s: o %s ficou %.3f bits por %s abaixo. "
                            + "O %s treinou a %.0f %s, %.2f vezes a velocidade do %s, e %s.",
                    other.layers(), budgetPt(options), a, other.parameters(), bpcA, b, ref.parameters(), bpcB, better,
                    Math.abs(diff), "caractere", a, other.tokensPerSecond().mean(), words ? "tokens/s" : "caracteres/s",
                    ratio, b, other.reachedReference() > 0
                            ? String.format(Locale.ROOT, "alcançou o BPC final do %s em %.0f s", b,
                            other.secondsToReference().mean())
                            : "não alcançou o BPC final do " + b);
            String en = String.format(Locale.ROOT,
                    "**EN.** With %d layers and the same budget (%s), the %s (%,d parameters) reached a validation "
                            + "BPC of %s and the %s (%,d parameters) %s: the %s ended %.3f bits per character lower. "
                            + "The %s trained at %.0f %s, %.2f times the %s's speed, and %s.",
                    other.layers(), options.budget(), a, other.parameters(), bpcA, b, ref.parameters(), bpcB, better,
                    Math.abs(diff), a, other.tokensPerSecond().mean(), words ? "tokens/s" : "chars/s", ratio, b,
                    other.reachedReference() > 0
                            ? String.format(Locale.ROOT, "reached the %s's final BPC after %.0f s", b,
                            other.secondsToReference().mean())
                            : "did not reach the " + b + "'s final BPC");
            lines.add(pt);
            lines.add(en);
        }
        return lines;
    }

    private static String budgetPt(CompareOptions options) {
        if (options.minutes() > 0) {
            double m = options.minutes();
            String n = m == Math.rint(m) ? String.valueOf((long) m) : String.valueOf(m);
            return n + " minuto" + (m == 1 ? "" : "s") + " de treino";
        }
        return options.epochs() + (options.epochs() == 1 ? " época" : " épocas");
    }
}
