/**
 * A trained network one token at a time ({@link pena.layers.step.TokenStepper}): plain Java over
 * a copy of its weights, for sampling, inspection and the classroom page, with every layer's
 * gates and states shown to a recorder on the way.
 */
package pena.layers.step;
