/**
 * Cell-versus-cell experiments (rnn, lstm, gru): the same data, split, batches and budget for
 * every run, runs one after the other, and a report (table, curves, memory curves, CSV, samples)
 * a class can read.
 */
package pena.compare;
