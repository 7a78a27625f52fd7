/**
 * Tokens: a {@link pena.token.Tokenizer} cuts text into symbols (characters, or Portuguese words),
 * a {@link pena.token.Vocabulary} numbers them, with {@code <unk>} for symbols never seen in
 * training. Accented letters are symbols like any other: nothing is dropped.
 */
package pena.token;
