package derivcheck.model;

import derivcheck.expr.Pos;
import derivcheck.expr.Relation;
import derivcheck.expr.Sym;

/** {@code solve lhs = rhs for x}. */
public record SolveFor(Relation equation, Sym unknown, Pos pos) {}
