package derivcheck.expr;

/**
 * Built-in functions. The unary scalar ones act entrywise on vectors and matrices.
 * {@code MAX}/{@code MIN} of two arguments act entrywise; of one vector they reduce it.
 */
public enum Builtin implements Func {
    LOG("log", 1), EXP("exp", 1), SQRT("sqrt", 1), SIGN("sign", 1), ABS("abs", 1),
    SIGMOID("sigmoid", 1), LOGIT("logit", 1), TANH("tanh", 1), RELU("relu", 1),
    SIN("sin", 1), COS("cos", 1),
    COSH("cosh", 1), SINH("sinh", 1), TAN("tan", 1), ATAN("atan", 1),
    /** softplus(t) = log(1 + e^t), the smooth ReLU. */
    SOFTPLUS("softplus", 1),
    /** log1p(t) = log(1 + t), defined for t > -1. */
    LOG1P("log1p", 1),
    /** The error function, erf(t) = 2/sqrt(pi) * integral_0^t e^(-s^2) ds. */
    ERF("erf", 1),
    /** The standard Gaussian CDF, Phi(t) = (1 + erf(t/sqrt 2))/2. */
    NORMCDF("normcdf", 1),
    /** The standard Gaussian density, phi(t) = e^(-t^2/2)/sqrt(2 pi). */
    NORMPDF("normpdf", 1),
    /** softmax of a vector, a vector. */
    SOFTMAX("softmax", 1),
    /** logsumexp(x) = log(sum_i e^(x_i)) of a vector, a scalar (its gradient is softmax(x)). */
    LOGSUMEXP("logsumexp", 1),
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
    DIAG("diag", 1),
    /**
     * argmax(v): the index (1..n) of the largest entry of a vector, the first one where several tie;
     * a scalar, used as an index ({@code e_{argmax(abs(g))}}). Piecewise constant: no gradient.
     */
    ARGMAX("argmax", 1);

    private final String spelling;
    private final int arity;

    Builtin(String spelling, int arity) { this.spelling = spelling; this.arity = arity; }

    /** Spelling in the spec language. */
    public String spelling() { return spelling; }

    /** Number of arguments (1 or 2), or -1 for one or two. */
    public int arity() { return arity; }

    public boolean entrywise() { return arity == 1 && this != SOFTMAX && this != LOGSUMEXP && this != SUM && this != TRACE && this != SV && this != DIAG && this != ARGMAX; }

    /** A binary operation that acts entry by entry: .*, ./ (and max, min of two arguments). */
    public boolean entrywiseBinary() { return this == HADAMARD || this == EDIVIDE; }

    /** The infix spelling of an entrywise binary operation (".*", "./"), or null. */
    public String infix() { return this == HADAMARD ? ".*" : this == EDIVIDE ? "./" : null; }

    public static java.util.Optional<Builtin> bySpelling(String s) {
        for (Builtin b : values()) if (b.spelling.equals(s)) return java.util.Optional.of(b);
        if (s.equals("ln")) return java.util.Optional.of(LOG);
        if (s.equals("sgn")) return java.util.Optional.of(SIGN);
        if (s.equals("tr")) return java.util.Optional.of(TRACE);
        if (s.equals("arctan")) return java.util.Optional.of(ATAN);
        if (s.equals("Phi")) return java.util.Optional.of(NORMCDF);
        return java.util.Optional.empty();
    }
}
