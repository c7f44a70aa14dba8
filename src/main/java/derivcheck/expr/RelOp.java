package derivcheck.expr;

/** A comparison. */
public enum RelOp {
    EQ("="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">=");

    private final String symbol;

    RelOp(String symbol) { this.symbol = symbol; }

    public String symbol() { return symbol; }

    public static RelOp parse(String s) {
        for (RelOp o : values()) if (o.symbol.equals(s)) return o;
        if (s.equals("==")) return EQ;
        throw new IllegalArgumentException("not a comparison: " + s);
    }

    /** The comparison with its sides swapped: a < b iff b > a. */
    public RelOp flipped() {
        return switch (this) { case LT -> GT; case LE -> GE; case GT -> LT; case GE -> LE; default -> this; };
    }

    public boolean holds(double a, double b) {
        return switch (this) {
            case EQ -> a == b; case NE -> a != b; case LT -> a < b; case LE -> a <= b; case GT -> a > b; case GE -> a >= b;
        };
    }
}
