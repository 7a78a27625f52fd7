package pena.model;

import pena.corpus.TextForm;
import pena.token.Vocabulary;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A text as a model reads it, by one rule for every way in (sampling primes, inspection, the
 * page): put in Pena's canonical form like the corpus was ({@link TextForm}), cut by the model's
 * tokenizer, each token an id. A word the model does not know is read as {@code <unk>}, as in
 * training; a character model has no {@code <unk>} for unseen characters, so they are refused.
 *
 * @param tokens  the tokens, as written in the text
 * @param ids     their ids ({@code <unk>} for unknown words)
 * @param unknown the distinct tokens the model does not know, in order of appearance
 */
public record ModelText(List<String> tokens, int[] ids, Set<String> unknown) {

    /**
     * @param what what the text is, for the message ("the prime", "the text")
     * @throws UnknownSymbolsException for characters a character model never saw
     */
    public static ModelText read(PenaModel model, String text, String what) {
        Vocabulary vocabulary = model.vocabulary();
        List<String> tokens = model.tokenizer().split(TextForm.canonical(text));
        Set<String> unknown = new LinkedHashSet<>();
        int[] ids = new int[tokens.size()];
        for (int i = 0; i < ids.length; i++) {
            String token = tokens.get(i);
            if (!vocabulary.knows(token)) {
                unknown.add(token);
            }
            ids[i] = vocabulary.id(token); // <unk> for what it does not know
        }
        if (!unknown.isEmpty() && !model.spec().level().words()) {
            throw new UnknownSymbolsException(what + " uses symbols this model never saw in training: "
                    + unknown.stream().map(ModelText::visible).collect(Collectors.joining(" "))
                    + "; remove or replace them");
        }
        return new ModelText(List.copyOf(tokens), ids, Set.copyOf(unknown));
    }

    /** A symbol quoted for a message, control characters by their code. */
    private static String visible(String symbol) {
        if (symbol.codePoints().anyMatch(Character::isISOControl)) {
            return symbol.codePoints().mapToObj(cp -> String.format("U+%04X", cp)).collect(Collectors.joining(" "));
        }
        return "'" + symbol + "'";
    }

    /** Symbols of a text that a character model cannot read. */
    public static final class UnknownSymbolsException extends RuntimeException {
        UnknownSymbolsException(String message) {
            super(message);
        }
    }
}
