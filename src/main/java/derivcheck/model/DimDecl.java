package derivcheck.model;

import derivcheck.expr.Relation;
import derivcheck.expr.Sym;
import java.util.List;

/** A dimension name with optional bounds such as {@code N >= 3}. */
public record DimDecl(Sym sym, List<Relation> bounds) {
    public DimDecl { bounds = List.copyOf(bounds); }

    /** The smallest size the bounds allow (at least 1). */
    public int minimum() {
        int min = 1;
        for (Relation r : bounds) {
            if (r.rhs() instanceof derivcheck.expr.Num n && n.value().isInteger()) {
                int v = n.value().num().intValueExact();
                switch (r.op()) {
                    case GE -> min = Math.max(min, v);
                    case GT -> min = Math.max(min, v + 1);
                    case EQ -> min = Math.max(min, v);
                    default -> { }
                }
            }
        }
        return min;
    }
}
