package pena.data;

import java.util.List;

/**
 * What {@code prepared.json} says of a prepared corpus: enough to refuse a foreign or stale
 * folder and to train from it without reading the sources again.
 *
 * @param format           {@link PreparedCorpus#FORMAT}; another number is refused
 * @param level            the tokenizer's level ({@code char}, {@code word}, {@code word-lowercase})
 * @param maxVocabulary    the vocabulary limit it was prepared with ({@code --max-vocab}; 0: none)
 * @param minCount         the least training count a kept symbol has ({@code --min-count})
 * @param valFraction      the share of each document held out for validation
 * @param sources          the files read, in order, with their size and modification time when read
 * @param sourcesSha256    SHA-256 of the sources' bytes, in order
 * @param idWidth          bytes per id in {@code tokens.bin}
 * @param trainingTokens   ids of the training parts
 * @param validationTokens ids of the validation parts
 * @param validationCharacters characters of the validation parts after each one's first token (BPC's denominator)
 * @param distinctSymbols  distinct symbols counted (training and validation)
 * @param uncountedTokens  tokens of symbols first seen after the counting table was full: read as {@code <unk>}
 * @param symbols          the vocabulary in id order, {@code <unk>} first
 * @param counts           each symbol's training count
 */
public record PreparedHeader(int format, String corpusName, String level, int maxVocabulary, int minCount,
                             double valFraction, List<Source> sources, String sourcesSha256, int idWidth,
                             int documents, long trainingTokens, long validationTokens, long validationCharacters,
                             long distinctSymbols, long uncountedTokens, List<String> symbols, long[] counts) {

    /** One file of the corpus as it was when prepared. */
    public record Source(String path, long bytes, long modifiedMillis) {
    }
}
