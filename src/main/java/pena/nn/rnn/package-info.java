/**
 * Pena's recurrent layers for DL4J's {@code MultiLayerNetwork}: a GRU (which DL4J lacks) and an
 * LSTM with DL4J's parameter layout, on one base that carries state between truncated-BPTT
 * windows and {@code rnnTimeStep} calls and backpropagates each window from the state it
 * really started from. Each layer is a configuration ({@link pena.nn.rnn.Gru},
 * {@link pena.nn.rnn.Lstm}), the shared {@link pena.nn.rnn.RecurrentParamInitializer} and an
 * implementation ({@link pena.nn.rnn.GruLayer}, {@link pena.nn.rnn.LstmLayer}).
 */
package pena.nn.rnn;
