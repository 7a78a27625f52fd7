package pena.nn;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The level is stored by the names model files already use; its defaults are one table for train and compare. */
class TokenLevelTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void modelFilesKeepTheirLevelNames() throws Exception {
        for (TokenLevel level : TokenLevel.values()) {
            String json = JSON.writeValueAsString(level);
            assertEquals("\"" + level.id() + "\"", json);
            assertEquals(level, JSON.readValue(json, TokenLevel.class));
        }
        assertEquals(TokenLevel.WORD_LOWERCASE, JSON.readValue("\"word-lowercase\"", TokenLevel.class));
        // a spec.json as earlier versions wrote it
        NetworkSpec spec = JSON.readValue("{\"level\":\"word\",\"cell\":\"gru\",\"layers\":2,\"hidden\":8,"
                + "\"embedding\":4,\"dense\":0,\"dropout\":0,\"l2\":0,\"clip\":5,\"learningRate\":0.002,\"tbptt\":8,"
                + "\"seed\":1,\"vocabularySize\":30}", NetworkSpec.class);
        assertEquals(TokenLevel.WORD, spec.level());
    }

    @Test
    void theCommandLineNamesAndTheirDefaults() {
        assertEquals(TokenLevel.CHAR, TokenLevel.of("char", false));
        assertEquals(TokenLevel.WORD_LOWERCASE, TokenLevel.of("word", true));
        assertThrows(IllegalArgumentException.class, () -> TokenLevel.of("char", true));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TokenLevel.of("frase", false)).getMessage()
                .contains("char or word"));
        assertEquals(32, TokenLevel.CHAR.defaultBatch());
        assertEquals(16, TokenLevel.WORD.defaultBatch());
        assertEquals(64, TokenLevel.CHAR.defaultTbptt());
        assertEquals(32, TokenLevel.WORD_LOWERCASE.defaultTbptt());
        assertEquals(0, TokenLevel.CHAR.defaultEmbedding());
        assertEquals(128, TokenLevel.WORD.defaultEmbedding());
        assertEquals("tokens", TokenLevel.WORD.unit());
        assertEquals("chars", TokenLevel.CHAR.unit());
    }
}
