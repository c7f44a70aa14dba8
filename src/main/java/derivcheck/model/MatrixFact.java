package derivcheck.model;

import derivcheck.expr.Pos;
import derivcheck.expr.Sym;

/** One declared property of one given matrix, where the spec states it. */
public record MatrixFact(Sym sym, MatrixProperty property, Pos pos) {}
