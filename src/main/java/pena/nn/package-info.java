/**
 * The network: a {@link pena.nn.NetworkSpec} (cell, layers, sizes, regularization, TBPTT
 * length) turned into a DL4J {@code MultiLayerConfiguration}, and {@link pena.nn.StatefulNetwork},
 * a {@code MultiLayerNetwork} whose truncated-BPTT training carries the recurrent state from one
 * window to the next. Knows nothing of corpora, files or the command line.
 */
package pena.nn;
