package derivcheck.numeric;

import derivcheck.expr.Shape;
import derivcheck.expr.SymKind;

/** Where a free symbol of a compiled expression lives in a {@link Frame}. */
record Slot(String name, Shape shape, SymKind kind, int index) {
    boolean scalar() { return shape.isScalar(); }
}
