package pena.corpus;

import java.net.URI;

/** A public-domain work that Pena knows how to download. */
public record CatalogEntry(String name, String title, String author, URI url) {
}
