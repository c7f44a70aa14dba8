package derivcheck.expr;

/**
 * A source position (1-based line and column) carried by every node as metadata.
 * Positions never take part in equality: two nodes that differ only in where they were
 * written are the same expression, so {@link #equals} is true for any two positions.
 */
public record Pos(String file, int line, int col) {
    public static final Pos NONE = new Pos("", 0, 0);

    public boolean known() { return line > 0; }

    @Override public boolean equals(Object o) { return o instanceof Pos; }
    @Override public int hashCode() { return 0; }
    @Override public String toString() { return file + ":" + line + ":" + col; }
}
