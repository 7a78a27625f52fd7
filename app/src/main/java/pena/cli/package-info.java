/**
 * The command line: one picocli class per command, each a thin front end over the packages
 * below. Errors a user can fix are printed as one line, never as a stack trace.
 */
package pena.cli;
