package pena.compare;

import pena.inspect.MemoryProfile;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What one depth's cells say together, in Portuguese and English, from the measured values:
 * which reached the lowest BPC, which trained fastest, which has the largest and the smallest
 * share of its influence beyond 20 tokens; with a plain RNN among them, how much more the
 * others' inputs still weigh 100 tokens back.
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
                .max(Comparator.comparingDouble(r -> r.beyond20().mean())).orElseThrow();
        ConfigurationSummary nearest = measured.stream()
                .min(Comparator.comparingDouble(r -> r.beyond20().mean())).orElseThrow();
        String unitPt = words ? "tokens" : "caracteres";
        String unitEn = words ? "tokens" : "characters";
        String pt = String.format(Locale.ROOT, "**PT.** Entre as %d células com %d camadas, o menor BPC de validação foi "
                        + "o do %s (%s); quem mais treinou por segundo foi o %s (%.0f %s/s). A maior parte da "
                        + "influência vinda de longe é a do %s: %.1f%% da influência sobre cada previsão vem de mais "
                        + "de 20 %s atrás (metade dela nos últimos %d); a menor é a do %s, %.1f%% (metade nos "
                        + "últimos %d).",
                depth.size(), best.layers(), name(best), Report.meanSd(best.bestBpc(), 3), name(fastest),
                fastest.tokensPerSecond().mean(), unitPt, name(furthest), 100 * furthest.beyond20().mean(),
                unitPt, furthest.memory().halfDistance(), name(nearest), 100 * nearest.beyond20().mean(),
                nearest.memory().halfDistance());
        String en = String.format(Locale.ROOT, "**EN.** Of the %d cells with %d layers, the %s reached the lowest "
                        + "validation BPC (%s); the %s trained the most per second (%.0f %s/s). The largest share of "
                        + "influence from far back is the %s's: %.1f%% of the influence on each prediction comes from "
                        + "more than 20 %s back (half of it within the last %d); the smallest is the %s's, %.1f%% "
                        + "(half within %d).",
                depth.size(), best.layers(), name(best), Report.meanSd(best.bestBpc(), 3), name(fastest),
                fastest.tokensPerSecond().mean(), unitEn, name(furthest), 100 * furthest.beyond20().mean(),
                unitEn, furthest.memory().halfDistance(), name(nearest), 100 * nearest.beyond20().mean(),
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
        Optional<ConfigurationSummary> rnn = measured.stream().filter(r -> r.cell().equals("rnn")).findFirst();
        int far = FAR_DISTANCE;
        if (rnn.isPresent() && rnn.get().memory().window() >= far && measured.size() > 1) {
            double plain = rnn.get().memory().influence()[far - 1];
            StringBuilder ptFar = new StringBuilder();
            StringBuilder enFar = new StringBuilder();
            for (ConfigurationSummary r : measured) {
                if (r == rnn.get()) {
                    continue;
                }
                double times = r.memory().influence()[far - 1] / plain;
                String sep = ptFar.isEmpty() ? "" : "; ";
                ptFar.append(sep).append(String.format(Locale.ROOT, "no %s, %.0f vezes a do RNN", name(r), times));
                enFar.append(sep).append(String.format(Locale.ROOT, "the %s's is %.0f times the RNN's", name(r), times));
            }
            pt += String.format(Locale.ROOT, " A %d %s de distância, a influência média de uma entrada sobre a "
                    + "previsão é, em relação à do RNN: %s.", far, unitPt, ptFar);
            en += String.format(Locale.ROOT, " At %d %s back, the mean influence of an input on the prediction: %s.",
                    far, unitEn, enFar);
        }
        return List.of(pt, en);
    }

    /** The distance the far-reach comparison quotes. */
    static final int FAR_DISTANCE = 100;

    private static String name(ConfigurationSummary row) {
        return row.cell().toUpperCase(Locale.ROOT);
    }
}
