package derivcheck.model;

import derivcheck.expr.Expr;
import derivcheck.expr.Pos;

/**
 * What a right answer about one target scores when a cohort is graded: the {@code points N} clause
 * of a {@code find} item ({@code find theta : vector[n] points 2}). Only grading reads it.
 */
public record Points(Expr target, double value, Pos pos) {}
