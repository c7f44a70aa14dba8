package derivcheck.derive.optimization;

import derivcheck.cas.Sign;
import derivcheck.derive.DeriveContext;
import derivcheck.derive.Simplifier;
import derivcheck.derive.scalar.Signs;
import derivcheck.expr.Expr;
import derivcheck.expr.Exprs;
import derivcheck.expr.Num;
import derivcheck.expr.Pos;
import derivcheck.expr.RelOp;
import derivcheck.expr.Relation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One case of the KKT case analysis: the constraints that are active (every equality and some
 * inequalities), their multipliers from the linear system G·ν = t (G_jk = ⟨a_j, H⁻¹a_k⟩,
 * t_j = ⟨a_j, x_u⟩ − b_j), and what the case still needs: ν_j ≥ 0 for an active inequality (dual
 * feasibility) and ⟨a_k, x⟩ ≤ b_k for an inactive one (primal feasibility). A requirement whose sign
 * the CAS decides is dropped (it holds) or makes the case impossible; the others stay as conditions.
 */
record KktCase(List<Integer> active, List<Expr> multipliers, List<Relation> conditions, Optional<String> impossible) {

    /** The multipliers of the active set, or empty with the reason (a singular or undecided system). */
    static Solved solve(List<Integer> active, List<Expr> t, Expr[][] gram, boolean[] diagonalPositive, DeriveContext ctx) {
        int k = active.size();
        if (k == 0) return new Solved(List.of(), Optional.empty());
        if (k == 1) {
            int j = active.get(0);
            Expr g = gram[j][j];
            if (!diagonalPositive[j]) return new Solved(List.of(), Optional.of(gramHint(g)));
            return new Solved(List.of(Simplifier.scalar(Exprs.div(t.get(j), g), ctx)), Optional.empty());
        }
        if (k == 2) {
            int a = active.get(0), b = active.get(1);
            // Cramer's rule for [[G_aa, G_ab], [G_ab, G_bb]]·ν = t; det > 0 by Cauchy–Schwarz unless the normals are parallel
            Expr det = Simplifier.scalar(Exprs.sub(Exprs.mul(gram[a][a], gram[b][b]), Exprs.mul(gram[a][b], gram[b][a])), ctx);
            if (Exprs.isZero(det)) return new Solved(List.of(), Optional.of("parallel"));
            if (Signs.of(det, ctx) != Sign.POSITIVE) {
                return new Solved(List.of(), Optional.of("cannot show that the normals of two constraints are independent ("
                        + derivcheck.expr.TextPrinter.print(det) + " > 0)"));
            }
            Expr na = Simplifier.scalar(Exprs.div(Exprs.sub(Exprs.mul(t.get(a), gram[b][b]), Exprs.mul(t.get(b), gram[a][b])), det), ctx);
            Expr nb = Simplifier.scalar(Exprs.div(Exprs.sub(Exprs.mul(t.get(b), gram[a][a]), Exprs.mul(t.get(a), gram[b][a])), det), ctx);
            return new Solved(List.of(na, nb), Optional.empty());
        }
        return new Solved(List.of(), Optional.of("more than two constraints active at once"));
    }

    record Solved(List<Expr> multipliers, Optional<String> failure) {}

    private static String gramHint(Expr g) {
        return "cannot show that " + derivcheck.expr.TextPrinter.print(g)
                + " > 0 (the constraint's normal could be 0; state it, e.g. `assume ||a|| > 0`)";
    }

    /**
     * The case with its requirements decided: {@code equality[j]} says which constraints are
     * equalities (their multipliers have no sign).
     */
    static KktCase decide(List<Integer> active, List<Expr> nu, List<Expr> t, Expr[][] gram, boolean[] equality,
                          java.util.function.Function<Expr, Sign> signs, DeriveContext ctx) {
        List<Relation> open = new ArrayList<>();
        for (int p = 0; p < active.size(); p++) {
            int j = active.get(p);
            if (equality[j]) continue;
            Sign s = signs.apply(nu.get(p));
            if (s == Sign.NEGATIVE) return impossible(active, nu, "its multiplier " + derivcheck.expr.TextPrinter.print(nu.get(p)) + " is negative");
            if (!(s == Sign.POSITIVE || s == Sign.NONNEGATIVE || s == Sign.ZERO)) {
                open.add(new Relation(RelOp.GE, nu.get(p), Num.ZERO, Pos.NONE));
            }
        }
        for (int j = 0; j < t.size(); j++) {
            if (active.contains(j)) continue;
            Expr slack = slack(j, active, nu, t, gram, ctx);
            Sign s = signs.apply(slack);
            if (s == Sign.POSITIVE) return impossible(active, nu, "constraint " + (j + 1) + " would be violated");
            if (!(s == Sign.NEGATIVE || s == Sign.NONPOSITIVE || s == Sign.ZERO)) {
                open.add(new Relation(RelOp.LE, slack, Num.ZERO, Pos.NONE));
            }
        }
        return new KktCase(active, nu, open, Optional.empty());
    }

    /** ⟨a_j, x⟩ − b_j at the case's point: t_j − Σ_p ν_p G_{j,p}. */
    static Expr slack(int j, List<Integer> active, List<Expr> nu, List<Expr> t, Expr[][] gram, DeriveContext ctx) {
        List<Expr> terms = new ArrayList<>();
        terms.add(t.get(j));
        for (int p = 0; p < active.size(); p++) terms.add(Exprs.neg(Exprs.mul(nu.get(p), gram[j][active.get(p)])));
        return Simplifier.scalar(Exprs.add(terms, Pos.NONE), ctx);
    }

    private static KktCase impossible(List<Integer> active, List<Expr> nu, String why) {
        return new KktCase(active, nu, List.of(), Optional.of(why));
    }
}
