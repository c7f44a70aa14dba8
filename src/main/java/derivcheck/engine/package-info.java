/**
 * The prepared problem: a spec read once, its derivation done once (on first need), its sample
 * points drawn once per worker, the verdicts of identical answers shared, and one wall-clock
 * deadline per answer. {@code check}, {@code grade} (and later {@code serve}) take answers against
 * one of these; {@link derivcheck.engine.cohort} grades a folder of submissions with it.
 * Sits above {@code derive}, {@code check} and {@code latex}; below {@code cli}.
 */
package derivcheck.engine;
