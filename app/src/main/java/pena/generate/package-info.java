/**
 * Sampling text from a model: a prime read into the recurrent state, then one token at a time
 * drawn from the softmax after temperature, top-k and top-p filtering, streamed as it comes.
 */
package pena.generate;
