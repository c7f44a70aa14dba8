package derivcheck.expr;

/**
 * Built-in functions. The unary scalar ones act entrywise on vectors and matrices.
 * {@code MAX}/{@code MIN} of two arguments act entrywise; of one vector they reduce it.
 */
public enum Builtin implements Func {
    LOG("log", 1), EXP("exp", 1), SQRT("sqrt", 1), SIGN("sign", 1), ABS("abs", 1),
    SIGMOID("sigmoid", 1), LOGIT("logit", 1), TANH("tanh", 1), RELU("relu", 1),
    SIN("sin", 1), COS("cos", 1),
    /** softmax of a vector, a vector. */
    SOFTMAX("softmax", 1),
    /** The sum of all entries of a vector. */
    SUM("sum", 1),
    /** The trace of a square matrix. */
    TRACE("trace", 1),
    MAX("max", -1), MIN("min", -1),
    /**
     * The singular values of a matrix X in R^(m x n), a vector in R^n in descending order; when
     * m < n the last n - m entries are 0 (sums of squares are unaffected).
     */
    SV("sv", 1),
    /** lowrank(X, r): the best rank-r approximation of X (truncated SVD, Eckart-Young), X's shape. */
    LOWRANK("lowrank", 2),
    /** x .* y: the entrywise (Hadamard) product of two vectors or matrices of one shape; a scalar side scales. */
    HADAMARD("hadamard", 2),
    /** x ./ y: the entrywise quotient. */
    EDIVIDE("ediv", 2),
    /** diag(v): the diagonal matrix with the entries of a vector on its diagonal. */
    DIAG("diag", 1);

    private final String spelling;
    private final int arity;

    Builtin(String spelling, int arity) { this.spelling = spelling; this.arity = arity; }

    /** Spelling in the spec language. */
    public String spelling() { return spelling; }

    /** Number of arguments (1 or 2), or -1 for one or two. */
    public int arity() { return arity; }

    public boolean entrywise() { return arity == 1 && this != SOFTMAX && this != SUM && this != TRACE && this != SV && this != DIAG; }

    /** A binary operation that acts entry by entry: .*, ./ (and max, min of two arguments). */
    public boolean entrywiseBinary() { return this == HADAMARD || this == EDIVIDE; }

    /** The infix spelling of an entrywise binary operation (".*", "./"), or null. */
    public String infix() { return this == HADAMARD ? ".*" : this == EDIVIDE ? "./" : null; }

    public static java.util.Optional<Builtin> bySpelling(String s) {
        for (Builtin b : values()) if (b.spelling.equals(s)) return java.util.Optional.of(b);
        if (s.equals("ln")) return java.util.Optional.of(LOG);
        if (s.equals("sgn")) return java.util.Optional.of(SIGN);
        if (s.equals("tr")) return java.util.Optional.of(TRACE);
        return java.util.Optional.empty();
    }
}
