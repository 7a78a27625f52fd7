/**
 * LSTM-versus-GRU experiments: the same data, split, batches and budget for every run, runs one
 * after the other, and a report (table, curves, CSV, samples) a class can read.
 */
package pena.compare;
