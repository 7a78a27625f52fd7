/**
 * What happens inside the cell: every layer's gates and states, character by character, with
 * state carried along the text, computed from a trained model's weights; memory (how much each
 * earlier input influences a prediction, {@link pena.inspect.MemoryProbe}); the units that follow
 * named features of the text ({@link pena.inspect.UnitsInspector}, {@link pena.inspect.TextFeature});
 * and the pictures of them (terminal, PNG, CSV).
 */
package pena.inspect;
