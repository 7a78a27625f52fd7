/**
 * Reading text: a file, a folder of {@code .txt} files or a catalogued public-domain work.
 * Text is strict UTF-8, normalized to Unicode NFC; each document is split into a training
 * part and a validation part (its last fraction). Depends on nothing else in Pena.
 */
package pena.corpus;
