package derivcheck.model;

import derivcheck.expr.Expr;
import java.util.Optional;

/** An interval a symbol lives in (entrywise for vectors); an absent bound is infinite. */
public record Domain(Optional<Expr> lo, boolean loOpen, Optional<Expr> hi, boolean hiOpen) {}
