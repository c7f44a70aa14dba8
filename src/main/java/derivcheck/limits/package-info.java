/**
 * Limits that keep every command bounded under any input: the wall-clock {@link derivcheck.limits.Deadline}
 * of one item (an answer, a problem) and the input caps in {@link derivcheck.limits.InputLimits}.
 * A leaf package: it imports nothing of the project, so every stage may use it.
 */
package derivcheck.limits;
