/**
 * Batches for truncated backpropagation through time: the token stream laid out as
 * {@code batch} contiguous streams, cut into windows that are visited in order, so that the
 * recurrent state at the end of window k is the right state to start window k+1 with.
 */
package pena.data;
