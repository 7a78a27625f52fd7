/**
 * The model file: one zip holding DL4J's network (with optimizer state for resuming) and
 * Pena's own entries: the spec, the vocabulary, the training history and state, and the
 * validation text. Written to a temporary file and renamed, so a crash never leaves half a model.
 */
package pena.model;
