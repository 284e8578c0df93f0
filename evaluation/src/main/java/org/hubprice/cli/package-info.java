/**
 * The {@code hubprice} command line. Conventions for every command: machine-readable output
 * ({@code --json}) goes to standard output alone, logs go to standard error, and the exit
 * code is non-zero on any error (2 for bad input, 1 for failures while running).
 */
package org.hubprice.cli;
