/**
 * Scoring a model on a text: cross-entropy in nats per token with the recurrent state carried
 * from the first token of each document to its last, perplexity {@code e^H}, and bits per
 * character {@code total nats / characters / ln 2}, comparable across token levels.
 */
package pena.eval;
