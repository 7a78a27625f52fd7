/**
 * What happens inside the cell: every layer's gates and states, character by character, with
 * state carried along the text, computed from a trained model's weights; and the pictures of
 * them (terminal heatmap, PNG, CSV).
 */
package pena.inspect;
