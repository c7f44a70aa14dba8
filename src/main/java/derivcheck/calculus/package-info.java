/**
 * Matrix calculus over our expression model: {@link derivcheck.calculus.Gradient} (reverse-mode
 * gradients of scalar expressions with respect to a scalar, vector or matrix symbol, results in
 * vector/matrix form) and {@link derivcheck.calculus.Simplify} (a light, terminating algebraic
 * normalizer that respects the order of matrix products).
 *
 * <p>Entrywise products and "the vector with entries e(i)" have no node of their own yet; they
 * are written {@code sum(i = 1..n, e(i) * I_n[i])} (see {@link derivcheck.calculus.Entries}),
 * which the numeric compiler evaluates and the simplifier reads back. No Symja and no Commons
 * Math here.
 */
package derivcheck.calculus;
