/**
 * The network of a Pena model: a {@link pena.nn.NetworkSpec} (token level, cell, layers, sizes,
 * regularization, TBPTT length) turned into a DL4J {@code MultiLayerConfiguration} of the
 * layers library's cells ({@code pena.layers}). Knows nothing of corpora, files or the command line.
 */
package pena.nn;
