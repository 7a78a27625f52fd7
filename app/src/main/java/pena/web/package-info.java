/**
 * The classroom page: one HTML page (Portuguese by default, English on a switch, no external
 * files) and the JSON endpoints it calls to generate text and to show the gates.
 */
package pena.web;
