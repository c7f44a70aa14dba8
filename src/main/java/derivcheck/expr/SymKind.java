package derivcheck.expr;

/** What a name stands for. */
public enum SymKind {
    /** A given quantity of the problem (data, parameters). */
    GIVEN,
    /** An unknown to solve or optimize for. */
    UNKNOWN,
    /** A dimension, usable as a positive integer scalar. */
    DIM,
    /** A bound index variable of a sum, a range or a `for all`. */
    INDEX,
    /** A random variable. */
    RANDOM,
    /** A name defined by `let`. */
    LET,
    /** An abstract loss, as in grad(L, y). */
    LOSS,
    /** The optimal value of the objective: `min` or `max`. */
    OPTIMUM
}
