package derivcheck.model;

import derivcheck.expr.Expr;
import derivcheck.expr.Sym;

/** {@code for i in lo..hi}, both ends included. */
public record IndexRange(Sym index, Expr lo, Expr hi) {}
