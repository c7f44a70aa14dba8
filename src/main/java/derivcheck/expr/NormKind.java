package derivcheck.expr;

/** Which norm: Euclidean (or Frobenius for a matrix), 1-norm, max-norm. */
public enum NormKind {
    L2, L1, LINF, FROBENIUS
}
