/**
 * Pena's recurrent layers for DL4J's {@code MultiLayerNetwork}, the DL4J-facing room: what goes
 * into a {@code MultiLayerConfiguration} and what runs it. A GRU ({@link pena.layers.Gru}, which
 * DL4J 1.0.0-M2.1 lacks), an LSTM ({@link pena.layers.Lstm}, DL4J's equations and parameter
 * layout) and a plain (Elman) RNN ({@link pena.layers.Rnn}) on one base ({@link pena.layers.RecurrentCellLayer}) that carries state between
 * truncated-BPTT windows and {@code rnnTimeStep} calls and backpropagates each window from the
 * state it really started from; the output layer {@link pena.layers.TimeMajorOutput} with its
 * softmax {@link pena.layers.RowSoftmax}; {@link pena.layers.StatefulNetwork}, whose
 * {@code fit} carries state from one window to the next.
 *
 * <p>The other rooms: {@code pena.layers.cells} (each cell's equations over a window, float
 * kernel and ND4J reference, and its gate layout), {@code pena.layers.kernels} (array routines
 * that know nothing of cells or layers), {@code pena.layers.step} (one token at a time, for
 * sampling and inspection).
 */
package pena.layers;
