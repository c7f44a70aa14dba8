/**
 * Numeric evaluation and checking with Apache Commons Math — the only package that imports it.
 *
 * <ul>
 *   <li>{@link derivcheck.numeric.Compiler} compiles an {@code Expr} once into closures;
 *       {@link derivcheck.numeric.Compiled#evaluate} runs it in an {@link derivcheck.numeric.Env}
 *       (sizes, values by name, user functions by name and derivative order).</li>
 *   <li>Errors: {@link derivcheck.numeric.NotEvaluableException} at compile time for E, Var and
 *       grad; NaN for domain problems that depend on the drawn values (log or sqrt of a
 *       negative, logit outside [0,1], a singular inverse, a piecewise with no applicable case);
 *       {@link derivcheck.numeric.EvaluationException} for structural problems (a missing
 *       value, size or function, a wrong size, a non-integer or out-of-range index, a
 *       non-integer matrix power).</li>
 *   <li>Conventions: a vector is a column, its transpose a 1-by-n matrix; indices are 1-based;
 *       norms of matrices are entrywise (L2 = Frobenius, L1 = sum of |entries|, LINF = max);
 *       the inner product of matrices is the sum of entrywise products; a matrix is flattened
 *       row by row.</li>
 *   <li>{@link derivcheck.numeric.FiniteDifference} (central differences, step
 *       cbrt(eps)·max(1,|x|)) and {@link derivcheck.numeric.Comparison}.</li>
 *   <li>{@link derivcheck.numeric.Optimizer} for an {@link derivcheck.numeric.OptimizationProblem}:
 *       simplex, Brent, BOBYQA, Powell, augmented Lagrangian; seeded multi-start.</li>
 *   <li>{@link derivcheck.numeric.Rng}: seeded draws (intervals, vectors, unit and orthogonal
 *       vectors, SPD matrices) kept away from switch points; {@link derivcheck.numeric.MonteCarlo}
 *       for E and Var with standard errors and a |z| <= 5 test.</li>
 * </ul>
 */
package derivcheck.numeric;
