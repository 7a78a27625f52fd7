package pena.corpus;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CatalogTest {

    @Test
    void theBundledCatalogListsHttpsPlainTextWorks() {
        Catalog catalog = Catalog.bundled();
        assertFalse(catalog.entries().isEmpty());
        for (CatalogEntry entry : catalog.entries()) {
            assertTrue(entry.url().getScheme().equals("https"), entry.toString());
            assertTrue(entry.name().matches("[a-z0-9-]+"), entry.toString());
        }
        assertTrue(catalog.find("DomCasmurro").isPresent());
    }

    @Test
    void aLibraryNamesTheFetchCommandForACatalogWorkNotYetDownloaded(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        CorpusLibrary library = new CorpusLibrary(dir, Catalog.bundled());
        CorpusException e = assertThrows(CorpusException.class, () -> library.resolve("lusiadas"));
        assertTrue(e.getMessage().contains("pena corpus fetch lusiadas"), e.getMessage());
        CorpusException unknown = assertThrows(CorpusException.class, () -> library.resolve("inexistente"));
        assertTrue(unknown.getMessage().contains("pena corpus list"), unknown.getMessage());
    }
}
