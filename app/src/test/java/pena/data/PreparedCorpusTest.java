package pena.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pena.TestData;
import pena.corpus.Corpus;
import pena.corpus.CorpusException;
import pena.token.Tokenizer;
import pena.token.Tokenizers;
import pena.token.Vocabulary;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A prepared corpus gives exactly what reading the corpus into memory gives: the vocabulary, the
 * ids, every window of the training streams, the validation ids and characters.
 */
class PreparedCorpusTest {
    private static final CorpusPreparer.Listener QUIET = (read, total, files, allFiles, tokens) -> { };

    /** What the in-memory path makes of a corpus (pena.train.TrainingData.prepare, step by step). */
    private record InMemory(Vocabulary vocabulary, List<int[]> training, ValidationSplit validation) {
        static InMemory of(Path corpusPath, PreparationSettings settings) {
            Corpus corpus = Corpus.read(corpusPath);
            Tokenizer tokenizer = Tokenizers.forLevel(settings.level());
            pena.corpus.CorpusSplit split = pena.corpus.CorpusSplit.of(corpus, settings.valFraction());
            List<String> train = split.train().stream().map(pena.corpus.Document::text).toList();
            Vocabulary vocabulary = Vocabulary.build(tokenizer, train, settings.maxVocabulary(), settings.minCount());
            List<int[]> ids = train.stream().map(t -> vocabulary.encode(tokenizer, t)).toList();
            List<String> held = split.validation().stream().map(pena.corpus.Document::text).toList();
            return new InMemory(vocabulary, ids, ValidationSplit.encode(tokenizer, vocabulary, held));
        }
    }

    private static PreparedCorpus prepare(Path corpus, PreparationSettings settings, Path out) {
        new CorpusPreparer(settings).prepare(corpus, out, QUIET);
        return PreparedCorpus.open(out);
    }

    private static void assertSameWindows(TokenStreams expected, TokenStreams actual) {
        assertEquals(expected.batch(), actual.batch());
        assertEquals(expected.windowsPerStream(), actual.windowsPerStream());
        assertEquals(expected.tokensPerEpoch(), actual.tokensPerEpoch());
        Iterator<Window> a = actual.iterator();
        for (Window e : expected) {
            Window w = a.next();
            assertArrayEquals(e.inputs(), w.inputs(), "inputs of window " + e.index());
            assertArrayEquals(e.targets(), w.targets(), "targets of window " + e.index());
            assertArrayEquals(e.resetState(), w.resetState(), "resets of window " + e.index());
            assertEquals(e.tokens(), w.tokens());
        }
        assertFalse(a.hasNext());
    }

    private static List<Integer> ids(ValidationSplit split) {
        List<Integer> ids = new ArrayList<>();
        for (DocumentRange d : split.documents()) {
            for (long k = d.start(); k < d.end(); k++) {
                ids.add(split.ids().get(k));
            }
            ids.add(-7); // a document boundary
        }
        return ids;
    }

    private void check(Path corpus, PreparationSettings settings, Path out, int expectedWidth) {
        InMemory memory = InMemory.of(corpus, settings);
        PreparedCorpus prepared = prepare(corpus, settings, out);
        assertEquals(expectedWidth, prepared.header().idWidth());
        assertEquals(memory.vocabulary().symbols(), prepared.vocabulary().symbols());
        assertArrayEquals(memory.vocabulary().counts(), prepared.vocabulary().counts());
        assertSameWindows(new TokenStreams(memory.training(), 3, 16),
                new TokenStreams(prepared.ids(), prepared.trainingDocuments(), 3, 16, true));
        assertSameWindows(new TokenStreams(memory.training(), 5, 7, false),
                new TokenStreams(prepared.ids(), prepared.trainingDocuments(), 5, 7, false));
        assertEquals(ids(memory.validation()), ids(prepared.validation()));
        assertEquals(memory.validation().characters(), prepared.validation().characters());
        assertEquals(memory.validation().characters(), prepared.header().validationCharacters());
        long trainingTokens = memory.training().stream().mapToLong(a -> a.length).sum();
        assertEquals(trainingTokens, prepared.header().trainingTokens());
    }

    @Test
    void charactersOfTheSampleMatchTheInMemoryPath(@TempDir Path dir) {
        check(TestData.sample(), new PreparationSettings("char", Integer.MAX_VALUE, 1, 0.1), dir.resolve("p"), 1);
    }

    @Test
    void wordsOfTheSampleMatchTheInMemoryPathWithALimitedVocabulary(@TempDir Path dir) {
        check(TestData.sample(), new PreparationSettings("word", 300, 2, 0.15), dir.resolve("p"), 2);
        check(TestData.sample(), new PreparationSettings("word-lowercase", 200, 1, 0.1), dir.resolve("q"), 1);
    }

    @Test
    void documentsWithoutValidationOrTrainingTextAndFourByteIds(@TempDir Path dir) throws Exception {
        Path corpus = Files.createDirectories(dir.resolve("c"));
        StringBuilder many = new StringBuilder();
        for (int k = 0; k < 80_000; k++) { // 72 000 distinct training words: ids need 4 bytes
            many.append("p").append(Integer.toString(k, 36).replace('0', 'a')).append(k % 9 == 0 ? ".\n" : " ");
        }
        Files.writeString(corpus.resolve("a.txt"), many.toString());
        Files.writeString(corpus.resolve("b.txt"), "x");                    // one symbol: all training, nothing to predict
        Files.writeString(corpus.resolve("c.txt"), "   \n");                 // blank: not a document
        Files.writeString(corpus.resolve("d.txt"), "Um dia, <unk> dois.\n"); // the literal <unk> is not a word
        check(corpus, new PreparationSettings("word", Integer.MAX_VALUE, 1, 0.1), dir.resolve("p"), 4);
    }

    @Test
    void aFolderCutShortOrOfAnotherFormatIsRefused(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("p");
        prepare(TestData.sample(), new PreparationSettings("char", Integer.MAX_VALUE, 1, 0.1), out);
        byte[] tokens = Files.readAllBytes(out.resolve(PreparedCorpus.TOKENS));
        Files.write(out.resolve(PreparedCorpus.TOKENS), java.util.Arrays.copyOf(tokens, tokens.length - 1));
        CorpusException cut = assertThrows(CorpusException.class, () -> PreparedCorpus.open(out));
        assertTrue(cut.getMessage().contains("not the size its header says"), cut.getMessage());
        Files.write(out.resolve(PreparedCorpus.TOKENS), tokens);
        String header = Files.readString(out.resolve(PreparedCorpus.HEADER));
        Files.writeString(out.resolve(PreparedCorpus.HEADER), header.replaceFirst("\"format\" : 1", "\"format\" : 99"));
        CorpusException format = assertThrows(CorpusException.class, () -> PreparedCorpus.open(out));
        assertTrue(format.getMessage().contains("format 99"), format.getMessage());
        Files.writeString(out.resolve(PreparedCorpus.HEADER), "{ not json");
        assertThrows(CorpusException.class, () -> PreparedCorpus.open(out));
    }

    @Test
    void stalenessNamesChangedAddedAndRemovedFiles(@TempDir Path dir) throws Exception {
        Path corpus = Files.createDirectories(dir.resolve("c"));
        Files.writeString(corpus.resolve("a.txt"), "Era uma vez um texto curto, mas inteiro.\n".repeat(20));
        Files.writeString(corpus.resolve("b.txt"), "Outro texto, outra história.\n".repeat(20));
        PreparedCorpus prepared = prepare(corpus, new PreparationSettings("char", Integer.MAX_VALUE, 1, 0.1),
                dir.resolve("p"));
        assertEquals(null, prepared.staleness(corpus));
        Files.writeString(corpus.resolve("a.txt"), "mudou\n", java.nio.file.StandardOpenOption.APPEND);
        Files.writeString(corpus.resolve("c.txt"), "novo\n");
        Files.delete(corpus.resolve("b.txt"));
        assertEquals("1 file(s) changed, 1 added, 1 removed since it was prepared", prepared.staleness(corpus));
    }

    @Test
    void preparingAgainReplacesTheFolderAndAnotherFolderIsNotOverwritten(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("p");
        prepare(TestData.sample(), new PreparationSettings("char", Integer.MAX_VALUE, 1, 0.1), out);
        PreparedCorpus words = prepare(TestData.sample(), new PreparationSettings("word", 100, 1, 0.1), out);
        assertEquals("word", words.header().level());
        Path other = Files.createDirectories(dir.resolve("notes"));
        Files.writeString(other.resolve("mine.txt"), "keep me");
        assertThrows(CorpusException.class, () -> prepare(TestData.sample(),
                new PreparationSettings("char", Integer.MAX_VALUE, 1, 0.1), other));
        assertEquals("keep me", Files.readString(other.resolve("mine.txt")));
        try (var left = Files.list(dir)) {
            assertEquals(List.of("notes", "p"), left.map(p -> p.getFileName().toString()).sorted().toList(),
                    "no temporary folder left behind");
        }
    }
}
