package pena.data;

import pena.token.Tokenizer;
import pena.token.Vocabulary;

import java.util.ArrayList;
import java.util.List;

/**
 * Held-out text as ids, ready to score: documents of at least two tokens (a shorter one has
 * nothing to predict), each with its characters after its first token, BPC's denominator.
 */
public record ValidationSplit(TokenIds ids, List<Part> parts) {
    /** One document's held-out ids and the characters they stand for after the first. */
    public record Part(DocumentRange range, long characters) {
    }

    public ValidationSplit {
        parts = parts.stream().filter(p -> p.range().length() >= 2).toList();
    }

    /** Texts cut and looked up here (the in-memory path, and any text given to {@code pena evaluate}). */
    public static ValidationSplit encode(Tokenizer tokenizer, Vocabulary vocabulary, List<String> texts) {
        List<int[]> encoded = new ArrayList<>();
        List<Long> characters = new ArrayList<>();
        for (String text : texts) {
            List<String> symbols = tokenizer.split(text);
            if (symbols.size() >= 2) {
                encoded.add(symbols.stream().mapToInt(vocabulary::id).toArray());
                characters.add(tokenizer.charactersAfterFirst(text, symbols));
            }
        }
        List<DocumentRange> ranges = DocumentRange.of(encoded);
        List<Part> parts = new ArrayList<>(encoded.size());
        for (int d = 0; d < encoded.size(); d++) {
            parts.add(new Part(ranges.get(d), characters.get(d)));
        }
        return new ValidationSplit(TokenIds.concatenation(encoded), parts);
    }

    public List<DocumentRange> documents() {
        return parts.stream().map(Part::range).toList();
    }

    /** Characters of every part after its first token. */
    public long characters() {
        return parts.stream().mapToLong(Part::characters).sum();
    }

    /** Tokens predicted: each part's after its first. */
    public long predictedTokens() {
        return parts.stream().mapToLong(p -> p.range().length() - 1).sum();
    }

    /**
     * The first whole documents holding at most {@code maxTokens} predicted tokens (at least the
     * first document; when it alone is longer, its first {@code maxTokens + 1} ids, with its
     * characters in proportion, which is exact for characters and close for words), or all of
     * it when {@code maxTokens} is 0 or the split is smaller.
     */
    public ValidationSplit limitedTo(long maxTokens) {
        if (maxTokens <= 0 || predictedTokens() <= maxTokens) {
            return this;
        }
        List<Part> kept = new ArrayList<>();
        long tokens = 0;
        for (Part part : parts) {
            long predicted = part.range().length() - 1;
            if (tokens + predicted > maxTokens) {
                if (kept.isEmpty()) {
                    DocumentRange r = part.range();
                    long characters = Math.round((double) part.characters() * maxTokens / predicted);
                    kept.add(new Part(new DocumentRange(r.start(), r.start() + maxTokens + 1), characters));
                }
                break;
            }
            kept.add(part);
            tokens += predicted;
        }
        return new ValidationSplit(ids, kept);
    }

    /** Share of the tokens that are {@code <unk>}. */
    public double unknownRate() {
        long unknown = 0;
        long tokens = 0;
        for (Part part : parts) {
            DocumentRange d = part.range();
            for (long k = d.start(); k < d.end(); k++) {
                unknown += ids.get(k) == Vocabulary.UNKNOWN_ID ? 1 : 0;
            }
            tokens += d.length();
        }
        return tokens == 0 ? 0 : (double) unknown / tokens;
    }

    /** Streams for scoring: nothing dropped, {@code streams} side by side, chunks of at most {@code chunk}. */
    public TokenStreams streams(int streams, int chunk) {
        long total = predictedTokens();
        int length = (int) Math.min(chunk, Math.max(1, total / Math.max(1, streams)));
        return new TokenStreams(ids, documents(), streams, length, false);
    }
}
