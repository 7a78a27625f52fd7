package pena.compare;

import pena.inspect.MemoryProfile;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What one depth's cells say together, in Portuguese and English, from the measured values:
 * which reached the lowest BPC, which remembers furthest back (share of the influence beyond
 * 20 tokens), which trained fastest; with a plain RNN among them, how its memory compares.
 */
final class MemorySentences {
    private MemorySentences() {
    }

    static List<String> summary(CompareOptions options, List<ConfigurationSummary> depth) {
        List<ConfigurationSummary> measured = depth.stream().filter(r -> r.memory() != null).toList();
        if (depth.size() < 2 || measured.isEmpty()) {
            return List.of();
        }
        boolean words = options.level().words();
        ConfigurationSummary best = depth.stream().min(Comparator.comparingDouble(r -> r.bestBpc().mean())).orElseThrow();
        ConfigurationSummary fastest = depth.stream()
                .max(Comparator.comparingDouble(r -> r.tokensPerSecond().mean())).orElseThrow();
        ConfigurationSummary furthest = measured.stream()
                .max(Comparator.comparingDouble(r -> r.memory().shareBeyond(20))).orElseThrow();
        ConfigurationSummary nearest = measured.stream()
                .min(Comparator.comparingDouble(r -> r.memory().shareBeyond(20))).orElseThrow();
        String unitPt = words ? "tokens" : "caracteres";
        String unitEn = words ? "tokens" : "characters";
        String pt = String.format(Locale.ROOT, "**PT.** Entre as %d células com %d camadas, o menor BPC de validação foi "
                        + "o do %s (%s); quem mais treinou por segundo foi o %s (%.0f %s/s). Quem se lembra de mais "
                        + "longe é o %s: %.1f%% da influência sobre cada previsão vem de mais de 20 %s atrás "
                        + "(metade dela nos últimos %d); quem se lembra de mais perto é o %s, com %.1f%% (metade "
                        + "nos últimos %d).",
                depth.size(), best.layers(), name(best), Report.meanSd(best.bestBpc(), 3), name(fastest),
                fastest.tokensPerSecond().mean(), unitPt, name(furthest), 100 * furthest.memory().shareBeyond(20),
                unitPt, furthest.memory().halfDistance(), name(nearest), 100 * nearest.memory().shareBeyond(20),
                nearest.memory().halfDistance());
        String en = String.format(Locale.ROOT, "**EN.** Of the %d cells with %d layers, the %s reached the lowest "
                        + "validation BPC (%s); the %s trained the most per second (%.0f %s/s). The %s remembers "
                        + "furthest back: %.1f%% of the influence on each prediction comes from more than 20 %s back "
                        + "(half of it within the last %d); the %s remembers the least far, %.1f%% (half within %d).",
                depth.size(), best.layers(), name(best), Report.meanSd(best.bestBpc(), 3), name(fastest),
                fastest.tokensPerSecond().mean(), unitEn, name(furthest), 100 * furthest.memory().shareBeyond(20),
                unitEn, furthest.memory().halfDistance(), name(nearest), 100 * nearest.memory().shareBeyond(20),
                nearest.memory().halfDistance());
        Optional<ConfigurationSummary> lstm = measured.stream().filter(r -> r.cell().equals("lstm")).findFirst();
        if (lstm.isPresent() && !lstm.get().memory().forgetPath().isEmpty()) {
            MemoryProfile m = lstm.get().memory();
            double[] top = m.forgetPath().get(m.forgetPath().size() - 1);
            double[] bottom = m.forgetPath().get(0);
            pt += String.format(Locale.ROOT, " No LSTM, o caminho pelo estado da célula (o produto dos portões de "
                    + "esquecimento) conserva em média %.2f do sinal após 10 %s na primeira camada e %.2f na última.",
                    bottom[9], unitPt, top[9]);
            en += String.format(Locale.ROOT, " In the LSTM, the path through the cell state (the product of forget "
                    + "gates) keeps on average %.2f of the signal after 10 %s in the first layer and %.2f in the last.",
                    bottom[9], unitEn, top[9]);
        }
        return List.of(pt, en);
    }

    private static String name(ConfigurationSummary row) {
        return row.cell().toUpperCase(Locale.ROOT);
    }
}
