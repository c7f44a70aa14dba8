package derivcheck.derive.theorems;

import derivcheck.algebra.LowRankForm;
import derivcheck.cas.Sign;
import derivcheck.derive.Attempt;
import derivcheck.derive.DeriveContext;
import derivcheck.derive.Result;
import derivcheck.derive.Step;
import derivcheck.derive.Strategy;
import derivcheck.expr.Apply;
import derivcheck.expr.Builtin;
import derivcheck.expr.Dim;
import derivcheck.expr.Expr;
import derivcheck.expr.Exprs;
import derivcheck.expr.Index;
import derivcheck.expr.Norm;
import derivcheck.expr.NormKind;
import derivcheck.expr.Num;
import derivcheck.expr.Pos;
import derivcheck.expr.RelOp;
import derivcheck.expr.Relation;
import derivcheck.expr.Shape;
import derivcheck.expr.Sum;
import derivcheck.expr.Sym;
import derivcheck.expr.SymKind;
import derivcheck.expr.TextPrinter;
import derivcheck.model.DimDecl;
import derivcheck.model.Objective;
import derivcheck.model.Problem;
import derivcheck.model.SymbolDecl;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * min over A ∈ R^{m×r}, B ∈ R^{r×n} of c·||X − A·B||_F² (c > 0): the products A·B are exactly
 * the matrices of rank at most r (r ≤ min(m, n)), so by the Eckart–Young–Mirsky theorem
 * A·B = [X]_r = lowrank(X, r) and the minimum is c·(||X||_F² − Σ_{i ≤ r} σ_i(X)²). The factors
 * themselves are not unique (A·R, R⁻¹·B for any invertible R); the result is stated for A·B.
 */
public final class LowRankFactorization implements Strategy {
    @Override public String name() { return "cited theorem (Eckart–Young–Mirsky)"; }

    @Override public Attempt attempt(Problem p, DeriveContext ctx) {
        if (p.objective().isEmpty()) return Attempt.declined("there is no objective");
        if (p.unknowns().size() != 2) return Attempt.declined("it does not optimize over two matrix factors");
        SymbolDecl da = p.unknowns().get(0), db = p.unknowns().get(1);
        Sym a = da.sym(), b = db.sym();
        if (!a.shape().isMatrix() || !b.shape().isMatrix()) return Attempt.declined("the two unknowns are not both matrices");
        if (!p.constraints().isEmpty() || da.domain().isPresent() || db.domain().isPresent()) {
            return Attempt.declined("the factorization has constraints or domains; the theorem is about the unconstrained problem");
        }
        Objective obj = p.objective().get();
        if (obj.sense() != Objective.Sense.MINIMIZE) return Attempt.declined("the objective is maximized; the theorem gives a minimum");
        Optional<LowRankForm> form = LowRankForm.of(obj.expr(), a, b);
        if (form.isEmpty()) {
            form = LowRankForm.of(obj.expr(), b, a);
            if (form.isPresent()) { Sym t = a; a = b; b = t; }
        }
        if (form.isEmpty()) return Attempt.declined("the objective is not c*||X - A*B||_F^2 in the two unknowns");
        Shape.Matrix sa = (Shape.Matrix) a.shape(), sb = (Shape.Matrix) b.shape();
        Dim m = sa.rows(), r = sa.cols(), n = sb.cols();
        Expr c = ctx.simplify(form.get().coefficient());
        Sign cs = ctx.cas().sign(c, ctx.assumptions()).orElse(Sign.UNKNOWN);
        if (cs != Sign.POSITIVE) return Attempt.declined("the coefficient " + TextPrinter.print(c) + " of the squared norm is not known to be positive");
        Optional<List<Object>> mOk = atMost(p, r, m), nOk = atMost(p, r, n);
        if (mOk.isEmpty() || nOk.isEmpty()) {
            return Attempt.declined("the Eckart–Young–Mirsky theorem needs r ≤ min(m, n) for the inner size r = " + r
                    + " (state it, e.g. 'dim " + m + " >= " + r + "' and 'dim " + n + " >= " + r + "')");
        }
        Optional<Expr> rank = dimExpr(p, r);
        if (rank.isEmpty()) return Attempt.declined("the inner size " + r + " is not a single dimension or number");
        Expr x = form.get().data();
        Expr product = Exprs.mul(a, b);
        Expr best = new Apply(Builtin.LOWRANK, List.of(x, rank.get()), Pos.NONE);
        Sym mSym = new Sym(fresh(p, "M"), x.shape(), SymKind.UNKNOWN, Pos.NONE);
        List<Step> steps = new ArrayList<>();
        steps.add(Step.of("minimize", new Relation(RelOp.EQ, new Sym("f", Shape.SCALAR, SymKind.LET, Pos.NONE), obj.expr(), Pos.NONE),
                "the objective, in the product of the two factors only"));
        Expr me = size(m), re = size(r), ne = size(n);
        steps.add(Step.explained("substitution", new Relation(RelOp.EQ, mSym, product, Pos.NONE),
                "a product of a matrix with ", me, " rows and ", re, " columns and one with ", re, " rows and ", ne,
                " columns has rank at most ", re, ", and every matrix of rank at most ", re,
                " is such a product (a thin singular value decomposition split): minimizing over ", a, " and ", b,
                " is minimizing over the matrices ", mSym, " of rank at most ", re));
        List<Object> why = new ArrayList<>(Theorems.ECKART_YOUNG_MIRSKY.cite(
                Map.of(Theorems.EYM_X, x, Theorems.EYM_R, re, Theorems.EYM_M, me, Theorems.EYM_N, ne),
                List.of(both(mOk.get(), nOk.get()))));
        why.addAll(List.of(". One optimal split takes the first ", re, " left singular vectors, scaled by their singular values, as ",
                a, " and the first ", re, " right singular vectors as the rows of ", b,
                "; the split is not unique (any invertible change of basis between the factors is optimal too)"));
        steps.add(Step.explained("theorem", List.of(new Relation(RelOp.EQ, product, best, Pos.NONE)), why.toArray()));
        List<Result> results = new ArrayList<>();
        results.add(Result.of(product, best));
        for (Expr t : p.targets()) {
            if (t instanceof Sym s && s.kind() == SymKind.OPTIMUM) {
                Sym i = new Sym(fresh(p, "i"), Shape.SCALAR, SymKind.INDEX, Pos.NONE);
                Expr sq = Exprs.sq(new Index(new Apply(Builtin.SV, List.of(x), Pos.NONE), List.of(i), Pos.NONE));
                Expr kept = new Sum(i, Num.ONE, rank.get(), sq, Pos.NONE);
                Expr value = Exprs.sub(Exprs.sq(new Norm(x, NormKind.FROBENIUS, Pos.NONE)), kept);
                if (!(c instanceof Num one && one.value().isOne())) value = Exprs.mul(c, value);
                steps.add(Step.of("optimal value", new Relation(RelOp.EQ, s, value, Pos.NONE),
                        "the squared Frobenius error is the sum of the squared singular values left out"));
                results.add(Result.of(s, value));
            }
        }
        return new Attempt.Derived(steps, results);
    }

    /**
     * Why r ≤ m holds: equal sizes, numbers, or a chain of stated dimension relations
     * ({@code dim m >= r}, {@code dim r <= m}, {@code dim n >= m} with {@code dim m >= r}, …);
     * empty if it is not known.
     */
    static Optional<List<Object>> atMost(Problem p, Dim r, Dim m) {
        if (r.equals(m)) return Optional.of(List.of(new Relation(RelOp.EQ, size(r), size(m), Pos.NONE)));
        if (r.isConstant() && r.constant() == 1) return Optional.of(List.of("every size is at least 1"));
        if (r.isConstant() && m.isConstant()) {
            return r.constant() <= m.constant() ? Optional.of(List.of(new Relation(RelOp.LE, size(r), size(m), Pos.NONE))) : Optional.empty();
        }
        // edges big -> small for every stated relation big >= small
        java.util.Map<Dim, List<Dim>> below = new java.util.HashMap<>();
        java.util.Map<Dim, List<Dim>> how = new java.util.HashMap<>();
        for (DimDecl d : p.dims()) {
            Dim self = Dim.of(d.sym().name());
            for (Relation b : d.bounds()) {
                Optional<Dim> other = dimOf(b.rhs());
                if (other.isEmpty()) continue;
                boolean lower = b.op() == RelOp.GE || b.op() == RelOp.GT || b.op() == RelOp.EQ;
                boolean upper = b.op() == RelOp.LE || b.op() == RelOp.LT || b.op() == RelOp.EQ;
                if (lower) below.computeIfAbsent(self, k -> new ArrayList<>()).add(other.get());
                if (upper) below.computeIfAbsent(other.get(), k -> new ArrayList<>()).add(self);
            }
        }
        java.util.Deque<Dim> todo = new java.util.ArrayDeque<>(List.of(m));
        java.util.Set<Dim> seen = new java.util.HashSet<>(List.of(m));
        how.put(m, List.of(m));
        while (!todo.isEmpty()) {
            Dim big = todo.pop();
            for (Dim small : below.getOrDefault(big, List.of())) {
                if (!seen.add(small)) continue;
                List<Dim> chain = new ArrayList<>(how.get(big));
                chain.add(small);
                how.put(small, chain);
                if (small.equals(r)) {
                    List<Object> parts = new ArrayList<>(List.of("stated: "));
                    for (int k = 0; k + 1 < chain.size(); k++) {
                        if (k > 0) parts.add(" and ");
                        parts.add(new Relation(RelOp.GE, size(chain.get(k)), size(chain.get(k + 1)), Pos.NONE));
                    }
                    return Optional.of(parts);
                }
                todo.push(small);
            }
        }
        return Optional.empty();
    }

    /** The reasons for r ≤ m and r ≤ n, as one list of explanation parts. */
    private static List<Object> both(List<Object> m, List<Object> n) {
        List<Object> out = new ArrayList<>(m);
        if (!n.equals(m)) {
            out.add("; ");
            out.addAll(n);
        }
        return out;
    }

    /** A size as a scalar expression: dimension names become DIM symbols. */
    private static Expr size(Dim d) {
        List<Expr> terms = new ArrayList<>();
        for (var t : d.terms().entrySet()) {
            terms.add(Exprs.mul(Num.of(t.getValue()), new Sym(t.getKey(), Shape.SCALAR, SymKind.DIM, Pos.NONE)));
        }
        if (d.constant() != 0 || terms.isEmpty()) terms.add(Num.of(d.constant()));
        return Exprs.add(terms, Pos.NONE);
    }

    private static Optional<Dim> dimOf(Expr e) {
        if (e instanceof Sym s && s.kind() == SymKind.DIM) return Optional.of(Dim.of(s.name()));
        if (e instanceof Num n && n.value().isInteger()) return Optional.of(Dim.of(n.value().num().intValueExact()));
        return Optional.empty();
    }

    private static Optional<Expr> dimExpr(Problem p, Dim d) {
        if (d.isConstant()) return Optional.of(Num.of(d.constant()));
        if (d.constant() == 0 && d.terms().size() == 1 && d.terms().values().iterator().next() == 1) {
            return p.symbol(d.terms().keySet().iterator().next()).map(s -> (Expr) s);
        }
        return Optional.empty();
    }

    private static String fresh(Problem p, String base) {
        String n = base;
        for (int k = 2; p.symbol(n).isPresent(); k++) n = base + k;
        return n;
    }
}
