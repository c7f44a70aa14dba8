/**
 * Writing output files safely, for every command that writes one: {@link derivcheck.io.OutputFiles}
 * refuses a target that is one of the command's inputs, a directory, or in a folder that cannot be
 * written, and writes through a temporary file in the same folder and an atomic rename.
 * A leaf package: it imports nothing of the project, so every stage may use it.
 */
package derivcheck.io;
