/**
 * Files written so that nothing is lost: whole or absent, on disk before they take their name.
 * Knows nothing of the rest of Pena; every package that writes a file uses it.
 */
package pena.files;
