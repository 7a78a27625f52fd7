/**
 * The training loop: windows in order with carried state, a time or epoch budget, evaluation
 * points with a sample, atomic checkpoints, resume, Ctrl-C, divergence detection, progress.
 * Validation scoring and samples come in through {@link pena.train.Validation}, so this
 * package needs neither the evaluator nor the sampler.
 */
package pena.train;
