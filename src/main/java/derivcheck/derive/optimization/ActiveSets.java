package derivcheck.derive.optimization;

import derivcheck.algebra.LinearCombination;
import derivcheck.algebra.Term;
import derivcheck.cas.Sign;
import derivcheck.derive.Attempt;
import derivcheck.derive.DeriveContext;
import derivcheck.derive.Names;
import derivcheck.derive.Result;
import derivcheck.derive.Simplifier;
import derivcheck.derive.Step;
import derivcheck.derive.Tidy;
import derivcheck.derive.linear.Definiteness;
import derivcheck.derive.scalar.Signs;
import derivcheck.expr.Apply;
import derivcheck.expr.Builtin;
import derivcheck.expr.Expr;
import derivcheck.expr.Exprs;
import derivcheck.expr.Index;
import derivcheck.expr.Num;
import derivcheck.expr.Piecewise;
import derivcheck.expr.Pos;
import derivcheck.expr.RelOp;
import derivcheck.expr.Relation;
import derivcheck.expr.Shape;
import derivcheck.expr.Sym;
import derivcheck.expr.SymKind;
import derivcheck.expr.TextPrinter;
import derivcheck.model.IndexRange;
import derivcheck.model.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The case analysis of {@link KktCore} for affine constraints: enumerate, solve, decide, merge. */
final class ActiveSets {
    private final Problem p;
    private final Optimization o;
    private final QuadraticObjective q;
    private final List<KktConstraints.Affine> cs;
    private final Definiteness.Verdict convexity;
    private final DeriveContext ctx;
    private final Sym x;
    private final List<Sym> nus = new ArrayList<>();
    private final List<Step> steps = new ArrayList<>();
    private Expr xu;
    private List<Expr> t;
    private Expr[][] gram;
    private boolean[] equality;
    /** ⟨a_j, H⁻¹a_j⟩ > 0 proven: by the CAS, or from H ≻ 0 (so H⁻¹ ≻ 0) and a_j ≠ 0. */
    private boolean[] diagonalPositive;

    ActiveSets(Problem p, Optimization o, QuadraticObjective q, List<KktConstraints.Affine> cs, Definiteness.Verdict v, DeriveContext ctx) {
        this.p = p;
        this.o = o;
        this.q = q;
        this.cs = cs;
        this.convexity = v;
        this.ctx = ctx;
        this.x = o.unknown();
    }

    Attempt solve() {
        int m = cs.size();
        String base = Names.fresh(p, "nu");
        for (int j = 0; j < m; j++) nus.add(Names.multiplier(m == 1 ? base : Names.fresh(p, base + (j + 1))));
        xu = q.unconstrained(ctx);
        t = new ArrayList<>();
        gram = new Expr[m][m];
        equality = new boolean[m];
        for (int j = 0; j < m; j++) {
            KktConstraints.Affine a = cs.get(j);
            equality[j] = a.equality();
            t.add(Simplifier.scalar(Exprs.sub(a.a().inner(xu), a.b()), ctx));
            for (int k = 0; k < m; k++) {
                Optional<Expr> g = q.gram(a.a(), cs.get(k).a(), ctx);
                if (g.isEmpty()) {
                    return Attempt.declined("the constraint " + text(a.source()) + " sums the entries while the Hessian is a matrix:"
                            + " H^-1 applied to the ones vector has no closed form in the model (write the constraint as <a, x> = s)");
                }
                gram[j][k] = Simplifier.scalar(known(g.get()), ctx);
            }
        }
        diagonalPositive = new boolean[m];
        for (int j = 0; j < m; j++) diagonalPositive[j] = positive(gram[j][j]) || normalNonzero(cs.get(j).a());
        opening();
        List<KktCase> survivors = new ArrayList<>();
        List<Integer> ineq = new ArrayList<>();
        for (int j = 0; j < m; j++) if (!equality[j]) ineq.add(j);
        for (int mask = 0; mask < (1 << ineq.size()); mask++) {
            List<Integer> active = new ArrayList<>();
            for (int j = 0; j < m; j++) if (equality[j]) active.add(j);
            for (int b = 0; b < ineq.size(); b++) if ((mask & (1 << b)) != 0) active.add(ineq.get(b));
            Optional<List<Object>> exclusive = exclusive(active);
            if (exclusive.isPresent()) {
                List<Object> why = new ArrayList<>(List.of("impossible: "));
                why.addAll(exclusive.get());
                steps.add(Step.explained("case " + caseName(active), List.of(), why.toArray()));
                continue;
            }
            KktCase.Solved s = KktCase.solve(active, t, gram, diagonalPositive, ctx);
            if (s.failure().isPresent()) {
                return Attempt.declined("in the case " + caseName(active) + ": " + (s.failure().get().equals("parallel")
                        ? "two active constraints have parallel normals (the multipliers are not unique)" : s.failure().get()));
            }
            KktCase c = KktCase.decide(active, s.multipliers(), t, gram, equality, this::sign, ctx);
            steps.add(caseStep(c));
            if (c.impossible().isEmpty()) survivors.add(c);
        }
        if (survivors.isEmpty()) return Attempt.undecided("every case of the KKT analysis was ruled out (are the constraints feasible?)");
        return merge(survivors);
    }

    // ------------------------------------------------------------------ steps

    private void opening() {
        steps.add(Step.of(o.sense(), new Relation(RelOp.EQ, Names.objective(), o.original(), Pos.NONE),
                "the objective" + (o.maximize() ? "; maximizing the objective is minimizing its negative" : "")));
        steps.add(Step.of("gradient", new Relation(RelOp.EQ, Names.gradientOfObjective(x), q.gradient(), Pos.NONE),
                "differentiate term by term"));
        List<Object> why = new ArrayList<>(List.of("the Hessian ", q.hessian(ctx),
                q.isotropic() ? " is a positive multiple of the identity" : " is positive definite"));
        for (int k = 0; k < convexity.because().size(); k++) {
            why.add(k == 0 ? " (" : "; ");
            why.addAll(convexity.because().get(k));
        }
        why.add((convexity.because().isEmpty() ? "" : ")") + ": the objective is strictly convex, the constraints are affine, so the KKT"
                + " conditions are necessary and sufficient and the minimizer is unique");
        steps.add(Step.explained("convexity", List.of(), why.toArray()));
        List<Expr> lag = new ArrayList<>();
        lag.add(Names.objective());
        List<Expr> stat = new ArrayList<>();
        stat.add(xu);
        for (int j = 0; j < cs.size(); j++) {
            KktConstraints.Affine a = cs.get(j);
            lag.add(Exprs.mul(nus.get(j), Exprs.sub(a.a().inner(x), a.b())));
        }
        List<Object> parts = new ArrayList<>(List.of("one multiplier per constraint"));
        for (int j = 0; j < cs.size(); j++) {
            if (!equality[j]) {
                parts.add("; ");
                parts.add(new Relation(RelOp.GE, nus.get(j), Num.ZERO, Pos.NONE));
                parts.add(" for the inequality ");
                parts.add(cs.get(j).source());
            }
        }
        steps.add(Step.explained("Lagrangian", new Relation(RelOp.EQ, Names.scalar(Names.fresh(p, "L")), Exprs.add(lag, Pos.NONE), Pos.NONE),
                parts.toArray()));
        steps.add(Step.explained("stationarity", new Relation(RelOp.EQ, x, xu, Pos.NONE), "the gradient of the Lagrangian vanishes at ",
                x, " minus the multipliers times the inverse Hessian applied to the constraints' normals; with every multiplier 0 this is"
                        + " the unconstrained minimizer"));
    }

    private Step caseStep(KktCase c) {
        List<Relation> math = new ArrayList<>();
        for (int p = 0; p < c.active().size(); p++) math.add(new Relation(RelOp.EQ, nus.get(c.active().get(p)), c.multipliers().get(p), Pos.NONE));
        if (c.impossible().isPresent()) return new Step("case " + caseName(c.active()), math, "impossible: " + c.impossible().get());
        math.addAll(c.conditions());
        String why = c.active().isEmpty() ? "no constraint active: the unconstrained minimizer"
                : "the active constraints hold with equality; solve for the multipliers";
        return new Step("case " + caseName(c.active()), math, why + (c.conditions().isEmpty() ? "; every requirement holds"
                : "; it applies where its conditions hold"));
    }

    private String caseName(List<Integer> active) {
        if (active.isEmpty()) return "all multipliers 0";
        List<String> names = new ArrayList<>();
        for (int j : active) names.add(text(cs.get(j).source()));
        return "active " + String.join(", ", names);
    }

    private static String text(Relation r) {
        return TextPrinter.print(r.lhs()) + " " + r.op().symbol() + " " + TextPrinter.print(r.rhs());
    }

    // ------------------------------------------------------------------ pruning

    /** Two inequalities with opposite normals (a slab lo ≤ ⟨a, x⟩ ≤ hi) cannot both be active when lo < hi. */
    private Optional<List<Object>> exclusive(List<Integer> active) {
        for (int u = 0; u < active.size(); u++) {
            for (int w = u + 1; w < active.size(); w++) {
                int j = active.get(u), k = active.get(w);
                if (equality[j] || equality[k] || !opposite(j, k)) continue;
                Expr width = Simplifier.scalar(Exprs.add(cs.get(j).b(), cs.get(k).b()), ctx);
                if (positive(width)) {
                    return Optional.of(List.of(cs.get(j).source(), " and ", cs.get(k).source(), " cannot both hold with equality"));
                }
            }
        }
        return Optional.empty();
    }

    private boolean opposite(int j, int k) {
        Normal a = cs.get(j).a(), b = cs.get(k).a();
        if (!a.vector().equals(b.vector())) return false;
        return Exprs.isZero(Simplifier.scalar(Exprs.add(a.scale(), b.scale()), ctx));
    }

    /** e > 0 proven: by the CAS and the sign rules, or an assumption lo < hi read as hi - lo > 0. */
    private boolean positive(Expr e) {
        if (Signs.of(e, ctx) == Sign.POSITIVE) return true;
        for (Relation r : p.assumptions()) {
            Expr gap = r.op() == RelOp.LT || r.op() == RelOp.LE ? Exprs.sub(r.rhs(), r.lhs())
                    : r.op() == RelOp.GT || r.op() == RelOp.GE ? Exprs.sub(r.lhs(), r.rhs()) : null;
            if (gap == null || !gap.isScalar() || r.op() == RelOp.LE || r.op() == RelOp.GE) continue;
            if (Exprs.isZero(Simplifier.scalar(Exprs.sub(gap, e), ctx))) return true;
        }
        return false;
    }

    /**
     * The assumptions that fix a scalar to a number ({@code assume <a, c> = 0}, orthogonal normals),
     * substituted (⟨c, a⟩ too): the CAS takes them only as facts about signs.
     */
    private Expr known(Expr e) {
        Expr out = e;
        for (Relation r : p.assumptions()) {
            if (r.op() != RelOp.EQ || !(r.rhs() instanceof Num value) || r.lhs() instanceof Sym || !r.lhs().isScalar()) continue;
            Expr lhs = r.lhs();
            Expr swapped = lhs instanceof derivcheck.expr.Inner in ? new derivcheck.expr.Inner(in.right(), in.left(), Pos.NONE) : lhs;
            out = Exprs.transform(out, y -> y.equals(lhs) || y.equals(swapped) ? value : null);
        }
        return out;
    }

    /** The sign of a scalar: {@link #positive} for either sign, else the sign rules. */
    private Sign sign(Expr e) {
        if (positive(e)) return Sign.POSITIVE;
        if (positive(Simplifier.scalar(Exprs.neg(e), ctx))) return Sign.NEGATIVE;
        return Signs.of(e, ctx);
    }

    /** a ≠ 0 proven: ‖v‖ > 0 for a vector normal with a nonzero scale; the ones vector always. */
    private boolean normalNonzero(Normal a) {
        if (!(a.scale() instanceof Num s && !s.value().equals(derivcheck.expr.Rational.ZERO))) return false;
        if (a.ones()) return true;
        return Signs.of(new derivcheck.expr.Norm(a.vector().get(), derivcheck.expr.NormKind.L2, Pos.NONE), ctx) == Sign.POSITIVE;
    }

    // ------------------------------------------------------------------ merging

    private Attempt merge(List<KktCase> survivors) {
        Sym i = new Sym(Names.freshIndex(p, "i"), Shape.SCALAR, SymKind.INDEX, Pos.NONE);
        boolean entrywise = cs.stream().anyMatch(a -> a.a().ones());
        Expr value;
        List<Object> how;
        if (survivors.size() == 1) {
            value = point(survivors.get(0), entrywise, i);
            how = List.of("the only case that can hold");
        } else {
            Optional<Expr> merged = mergedHalfspace(survivors, entrywise, i);
            if (merged.isPresent()) {
                value = merged.get();
                how = List.of("the two cases in one formula: the multiplier is the positive part of the active case's");
            } else if ((merged = mergedDecoupled(entrywise, i)).isPresent()) {
                value = merged.get();
                how = List.of("the cases in one formula: the normals are orthogonal in the metric of the inverse Hessian, so each multiplier is"
                        + " the positive part of its own case's");
            } else if ((merged = mergedSlab(survivors, entrywise, i)).isPresent()) {
                value = merged.get();
                how = List.of("the three cases in one formula: ", cs.get(upperSide()).a().inner(x), " is clipped to the slab");
            } else if (!entrywise) {
                List<Piecewise.Arm> arms = new ArrayList<>();
                for (KktCase c : survivors) arms.add(new Piecewise.Arm(point(c, false, i), c.conditions()));
                value = new Piecewise(arms, Pos.NONE);
                how = List.of("by cases: exactly one case holds (the minimizer exists and is unique)");
            } else {
                return Attempt.declined("the cases do not merge into one entrywise formula and the model has no piecewise entries here");
            }
        }
        List<Result> results = new ArrayList<>();
        if (entrywise) {
            Expr target = new Index(x, List.of(i), Pos.NONE);
            Relation r = new Relation(RelOp.EQ, target, value, Pos.NONE);
            List<Object> why = new ArrayList<>(how);
            why.addAll(List.of(" (for every ", i, ")"));
            steps.add(Step.explained("solution", List.of(r), why.toArray()));
            results.add(new Result(target, value, List.of(), Optional.of(new IndexRange(i, Num.ONE, Normal.size(x.shape().rows())))));
            return new Attempt.Derived(steps, results);
        }
        steps.add(Step.explained("solution", List.of(new Relation(RelOp.EQ, x, value, Pos.NONE)), how.toArray()));
        results.add(Result.of(x, value));
        OptimalValue.add(p, o, value, ctx, steps, results);
        return new Attempt.Derived(steps, results);
    }

    /** x = x_u − Σ ν_j H⁻¹a_j for the case (entry i when a normal is the ones vector). */
    private Expr point(KktCase c, boolean entrywise, Sym i) {
        List<Expr> coef = new ArrayList<>();
        List<Normal> dirs = new ArrayList<>();
        for (int k = 0; k < c.active().size(); k++) {
            coef.add(c.multipliers().get(k));
            dirs.add(cs.get(c.active().get(k)).a());
        }
        return along(coef, dirs, entrywise, i);
    }

    /** x_u − Σ coef_k H⁻¹a_k. */
    private Expr along(List<Expr> coef, List<Normal> dirs, boolean entrywise, Sym i) {
        List<Expr> terms = new ArrayList<>();
        terms.add(entrywise ? entry(xu, i) : xu);
        for (int k = 0; k < coef.size(); k++) {
            Expr cf = Exprs.neg(coef.get(k));
            if (entrywise) {
                // entrywise only arises with an isotropic H = c·I: H⁻¹a = a/c
                terms.add(dirs.get(k).entry(Exprs.div(cf, q.c()), i));
            } else {
                terms.add(Exprs.mul(cf, q.inverseTimes(dirs.get(k).times(Num.ONE).get(), ctx)));
            }
        }
        Expr sum = Exprs.add(terms, Pos.NONE);
        return entrywise ? Simplifier.scalar(sum, ctx) : Tidy.of(sum, ctx);
    }

    /** Entry i of a vector expression, distributed over its linear combination (y_i, not (y)_i). */
    static Expr entry(Expr v, Sym i) {
        List<Expr> out = new ArrayList<>();
        for (Term term : LinearCombination.of(v).asTerms()) {
            Expr vec = term.factors().size() == 1 ? term.factors().get(0) : Exprs.mul(term.factors(), Pos.NONE);
            out.add(Exprs.mul(term.coefficient(), new Index(vec, List.of(i), Pos.NONE)));
        }
        return out.isEmpty() ? Num.ZERO : Exprs.add(out, Pos.NONE);
    }

    /**
     * Two cases that differ by one inequality j: without it (A, active set P, needs s ≤ 0 with s the
     * value of ⟨a_j, x⟩ − b_j there) and with it (B, needs ν_j ≥ 0). Eliminating P, ν_j = s/S with
     * S = G_jj − Σ_p G_pj²/G_pp > 0 (a Schur complement of G), so one formula covers both:
     * x = x_A − (max(0, s)/S)·(H⁻¹a_j − Σ_p (G_pj/G_pp) H⁻¹a_p). P has at most one constraint.
     */
    private Optional<Expr> mergedHalfspace(List<KktCase> survivors, boolean entrywise, Sym i) {
        if (survivors.size() != 2) return Optional.empty();
        KktCase a = survivors.get(0).active().size() < survivors.get(1).active().size() ? survivors.get(0) : survivors.get(1);
        KktCase b = a == survivors.get(0) ? survivors.get(1) : survivors.get(0);
        if (b.active().size() != a.active().size() + 1 || !b.active().containsAll(a.active()) || a.active().size() > 1) return Optional.empty();
        int j = b.active().stream().filter(k -> !a.active().contains(k)).findFirst().get();
        if (a.conditions().size() != 1 || b.conditions().size() != 1) return Optional.empty();
        Expr s = KktCase.slack(j, a.active(), a.multipliers(), t, gram, ctx);
        Expr schur = gram[j][j];
        List<Expr> coef = new ArrayList<>(a.multipliers());
        List<Normal> dirs = new ArrayList<>();
        for (int k : a.active()) dirs.add(cs.get(k).a());
        Expr step;
        if (a.active().isEmpty()) {
            step = Exprs.div(new Apply(Builtin.MAX, List.of(Num.ZERO, s), Pos.NONE), schur);
        } else {
            int pp = a.active().get(0);
            schur = Simplifier.scalar(Exprs.sub(gram[j][j], Exprs.div(Exprs.sq(gram[pp][j]), gram[pp][pp])), ctx);
            step = Exprs.div(new Apply(Builtin.MAX, List.of(Num.ZERO, s), Pos.NONE), schur);
            // the direction's component along H⁻¹a_p: −G_pj/G_pp per unit of ν_j
            coef.set(0, Exprs.sub(coef.get(0), Exprs.mul(step, Exprs.div(gram[pp][j], gram[pp][pp]))));
        }
        if (a.active().isEmpty() ? !diagonalPositive[j] : !positive(schur)) return Optional.empty();
        coef.add(step);
        dirs.add(cs.get(j).a());
        return Optional.of(along(coef, dirs, entrywise, i));
    }

    /**
     * Inequalities only, with ⟨a_j, H⁻¹a_k⟩ = 0 for j ≠ k: G is diagonal, so every case's multipliers
     * are ν_j = t_j/G_jj for the active j, and each is active exactly when t_j ≥ 0:
     * x = x_u − Σ_j (max(0, t_j)/G_jj)·H⁻¹a_j.
     */
    private Optional<Expr> mergedDecoupled(boolean entrywise, Sym i) {
        int m = cs.size();
        for (int j = 0; j < m; j++) {
            if (equality[j] || !diagonalPositive[j]) return Optional.empty();
            for (int k = 0; k < m; k++) if (k != j && !Exprs.isZero(gram[j][k])) return Optional.empty();
        }
        List<Expr> coef = new ArrayList<>();
        List<Normal> dirs = new ArrayList<>();
        for (int j = 0; j < m; j++) {
            coef.add(Exprs.div(new Apply(Builtin.MAX, List.of(Num.ZERO, t.get(j)), Pos.NONE), gram[j][j]));
            dirs.add(cs.get(j).a());
        }
        return Optional.of(along(coef, dirs, entrywise, i));
    }

    /**
     * A slab lo ≤ ⟨a, x⟩ ≤ hi and nothing else: the cases (inside, upper active, lower active) are
     * x = x_u − ((u − clip(u, lo, hi))/G)·H⁻¹a with u = ⟨a, x_u⟩, G = ⟨a, H⁻¹a⟩.
     */
    private Optional<Expr> mergedSlab(List<KktCase> survivors, boolean entrywise, Sym i) {
        if (survivors.size() != 3 || cs.size() != 2 || equality[0] || equality[1] || !opposite(0, 1)) return Optional.empty();
        // the upper side is the one whose normal is not negated (lo <= <a, x> reads -<a, x> <= -lo)
        int up = upperSide(), low = 1 - up;
        Expr hi = cs.get(up).b(), lo = Exprs.neg(cs.get(low).b());
        Expr u = Simplifier.scalar(Exprs.add(t.get(up), cs.get(up).b()), ctx);
        Expr clip = new Apply(Builtin.MIN, List.of(new Apply(Builtin.MAX, List.of(u, lo), Pos.NONE), hi), Pos.NONE);
        Expr coef = Exprs.div(Exprs.sub(u, clip), gram[up][up]);
        return Optional.of(along(List.of(coef), List.of(cs.get(up).a()), entrywise, i));
    }

    /** Of a slab's two inequalities, the one whose normal is not negated (lo <= <a, x> reads -<a, x> <= -lo). */
    private int upperSide() {
        return cs.get(0).a().scale() instanceof Num s0 && s0.value().num().signum() < 0 ? 1 : 0;
    }
}
