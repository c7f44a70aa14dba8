package derivcheck.derive.optimization;

import derivcheck.derive.Attempt;
import derivcheck.derive.Calculus;
import derivcheck.derive.DeriveContext;
import derivcheck.derive.Facts;
import derivcheck.derive.Names;
import derivcheck.derive.Result;
import derivcheck.derive.Simplifier;
import derivcheck.derive.Step;
import derivcheck.derive.piecewise.PiecewiseRegions;

import derivcheck.cas.Sign;
import derivcheck.expr.Add;
import derivcheck.expr.Apply;
import derivcheck.expr.Builtin;
import derivcheck.expr.Expr;
import derivcheck.expr.Exprs;
import derivcheck.expr.Mul;
import derivcheck.expr.Num;
import derivcheck.expr.Piecewise;
import derivcheck.expr.Pos;
import derivcheck.expr.RelOp;
import derivcheck.expr.Relation;
import derivcheck.expr.Sym;
import derivcheck.expr.TextPrinter;
import derivcheck.model.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One scalar unknown w, unconstrained: f(w) = q(w) + Σ_k c_k·|ℓ_k(w)| with q quadratic of curvature α > 0
 * (q'(w) = α·w + β), every ℓ_k affine with a nonzero slope p_k and every weight c_k ≥ 0 (the 1-D lasso
 * ½(w − a)² + λ|w|, a robust step ½(w − a)² + λ|w − b|). Then f is strictly convex and w* is the one point with
 * 0 ∈ ∂f(w*) (subgradient optimality):
 * <ul>
 * <li>|ℓ_k(w)| = |p_k|·|w − b_k| with the kink b_k = −ℓ_k(0)/p_k; the kinks must be in an order the
 *     assumptions prove (else declined, naming the two);</li>
 * <li>between two kinks f is smooth, f'(w) = α·w + β + Σ_k c_k|p_k|·s_k with s_k = ±1 the side of b_k, and
 *     the stationary point of that piece is w* when it lies inside the piece;</li>
 * <li>at a kink b_k, w* = b_k when |α·b_k + β + Σ_{m≠k} c_m|p_m|·s_m| ≤ c_k|p_k| (0 is in the subdifferential).</li>
 * </ul>
 * The cases cover every value of the parameters exactly once (f is strictly convex), so the last one is
 * written {@code otherwise}. With one kink the result is also the soft threshold
 * b + sign(u)·max(|u| − c|p|, 0)/α with u = −β − α·b (the shift z − b = u/α thresholded at τ = c|p|/α), stated only when the two are proven equal region by
 * region ({@link PiecewiseRegions}).
 */
public final class AbsSubgradientCases implements FastPath {
    /** At most this many kinks (the cases grow with them). */
    static final int MAX_KINKS = 3;

    @Override public String name() { return "subgradient cases (absolute values)"; }

    private record Kink(Expr at, Expr weight, Expr term) {}

    @Override public Attempt on(Problem p, Optimization o, DeriveContext ctx) {
        Sym w = o.unknown();
        if (!w.isScalar()) return Attempt.declined("the unknown is not a scalar");
        if (!o.unconstrained()) return Attempt.declined("the problem has constraints or a domain");
        if (o.maximize()) return Attempt.declined("a maximum of a sum with absolute values is not found by its subgradient");
        List<Expr> terms = o.objective() instanceof Add a ? a.terms() : List.of(o.objective());
        List<Expr> smooth = new ArrayList<>();
        List<Kink> kinks = new ArrayList<>();
        for (Expr t : terms) {
            if (!hasAbsOf(t, w)) { smooth.add(t); continue; }
            Optional<Kink> k = kink(t, w, ctx);
            if (k.isEmpty()) {
                return Attempt.declined("the term " + TextPrinter.print(t) + " is not c*|a*" + w.name() + " + b| with c >= 0 and a != 0"
                        + " known from the assumptions");
            }
            kinks.add(k.get());
        }
        if (kinks.isEmpty()) return Attempt.declined("there is no absolute value of " + w.name());
        if (kinks.size() > MAX_KINKS) return Attempt.declined("more than " + MAX_KINKS + " absolute values");
        Expr q = smooth.isEmpty() ? Num.ZERO : Exprs.add(smooth, Pos.NONE);
        if (hasNonSmooth(q, w)) return Attempt.declined("the rest of the objective is not smooth in " + w.name());
        Optional<Expr> dq = Calculus.gradient(q, w);
        if (dq.isEmpty()) return Attempt.declined("the rest of the objective cannot be differentiated");
        Optional<Expr> d2q = Calculus.gradient(dq.get(), w);
        if (d2q.isEmpty()) return Attempt.declined("the rest of the objective cannot be differentiated twice");
        Expr alpha = ctx.simplify(d2q.get());
        if (Exprs.mentions(alpha, w.name())) {
            return Attempt.declined("the rest of the objective is not quadratic in " + w.name() + " (its second derivative "
                    + TextPrinter.print(alpha) + " depends on " + w.name() + ")");
        }
        if (ctx.cas().sign(alpha, ctx.assumptions()).orElse(Sign.UNKNOWN) != Sign.POSITIVE) {
            return Attempt.declined("the curvature " + TextPrinter.print(alpha) + " of the smooth part is not known to be > 0");
        }
        Expr beta = ctx.simplify(Exprs.substitute(dq.get(), w, Num.ZERO));
        // kinks in increasing order (equal kinks merged); the order must be proven
        List<Kink> sorted = new ArrayList<>();
        for (Kink k : kinks) {
            int at = sorted.size();
            boolean merged = false;
            for (int i = 0; i < sorted.size(); i++) {
                Sign s = ctx.cas().sign(Exprs.sub(k.at(), sorted.get(i).at()), ctx.assumptions()).orElse(Sign.UNKNOWN);
                if (s == Sign.ZERO) {
                    Kink m = sorted.get(i);
                    sorted.set(i, new Kink(m.at(), ctx.simplify(Exprs.add(m.weight(), k.weight())), m.term()));
                    merged = true;
                    break;
                }
                if (s == Sign.NEGATIVE) { at = i; break; }
                if (s != Sign.POSITIVE) {
                    return Attempt.declined("the kinks " + TextPrinter.print(k.at()) + " and " + TextPrinter.print(sorted.get(i).at())
                            + " are not in an order the assumptions prove");
                }
            }
            if (!merged) sorted.add(at, k);
        }
        List<Step> steps = new ArrayList<>();
        steps.add(Step.of("minimize", new Relation(RelOp.EQ, Names.objective(), o.original(), Pos.NONE), "the objective"));
        steps.add(Step.explained("smooth part", new Relation(RelOp.EQ, derivative(q, w), Simplifier.scalar(dq.get(), ctx), Pos.NONE),
                "the rest of the objective has curvature ", alpha, ", which is positive: the objective is strictly convex, so its"
                        + " minimizer is the one point where 0 is in its subdifferential"));
        for (Kink k : sorted) {
            steps.add(Step.explained("kink", new Relation(RelOp.EQ, w, k.at(), Pos.NONE),
                    "the term ", k.term(), " has a kink there, with weight ", k.weight(), "; the subdifferential of ",
                    abs(Exprs.sub(w, k.at())), " is ", new Apply(Builtin.SIGN, List.of(Exprs.sub(w, k.at())), Pos.NONE),
                    " away from it and every number from ", Num.MINUS_ONE, " to ", Num.ONE, " at it"));
        }
        List<Piecewise.Arm> arms = new ArrayList<>();
        int n = sorted.size();
        for (int j = 0; j <= n; j++) { // the piece between kink j-1 and kink j (0-based)
            Expr slope = beta;
            for (int k = 0; k < n; k++) slope = Exprs.add(slope, Exprs.mul(Num.of(k < j ? 1 : -1), sorted.get(k).weight()));
            Expr wj = ctx.simplify(Exprs.neg(Exprs.div(slope, alpha)));
            List<Relation> guard = new ArrayList<>();
            if (j > 0 && j < n) {
                // between two kinks: b_(j-1) < w_j < b_j, one chain
                guard.add(new Relation(RelOp.LT, sorted.get(j - 1).at(), wj, Pos.NONE));
                guard.add(new Relation(RelOp.LT, wj, sorted.get(j).at(), Pos.NONE));
            } else if (j > 0) {
                guard.add(condition(ctx.simplify(Exprs.sub(wj, sorted.get(j - 1).at())), RelOp.GT, ctx));
            } else if (j < n) {
                guard.add(condition(ctx.simplify(Exprs.sub(wj, sorted.get(j).at())), RelOp.LT, ctx));
            }
            arms.add(new Piecewise.Arm(wj, guard));
            steps.add(Step.explained("case", caseMath(w, wj, guard),
                    j == 0 ? "left of every kink" : j == n ? "right of every kink" : "between two kinks",
                    ": the derivative ", Exprs.add(Exprs.mul(alpha, w), slope), " vanishes there, a minimizer when it lies in that piece"));
        }
        for (int k = 0; k < n; k++) {
            Expr b = sorted.get(k).at();
            Expr rest = Exprs.add(Exprs.mul(alpha, b), beta);
            for (int m = 0; m < n; m++) if (m != k) rest = Exprs.add(rest, Exprs.mul(Num.of(m < k ? 1 : -1), sorted.get(m).weight()));
            rest = ctx.simplify(rest);
            List<Relation> guard = List.of(new Relation(RelOp.LE, abs(fewerMinus(rest, ctx)), sorted.get(k).weight(), Pos.NONE));
            arms.add(new Piecewise.Arm(b, guard));
            steps.add(Step.explained("case", caseMath(w, b, guard), "at the kink: 0 is in ", rest, " plus ", sorted.get(k).weight(),
                    " times every number from ", Num.MINUS_ONE, " to ", Num.ONE));
        }
        // exactly one case holds (strict convexity): the last is "otherwise"
        Piecewise.Arm last = arms.remove(arms.size() - 1);
        arms.add(new Piecewise.Arm(last.value(), List.of()));
        Expr value = new Piecewise(arms, Pos.NONE);
        steps.add(Step.explained("merge cases", new Relation(RelOp.EQ, w, value, Pos.NONE),
                "the cases exclude each other and cover every value of the data, since the objective is strictly convex"));
        if (n == 1) {
            Optional<Expr> soft = softThreshold(p, sorted.get(0), alpha, beta, value, ctx);
            if (soft.isPresent()) {
                steps.add(Step.explained("soft thresholding", new Relation(RelOp.EQ, w, soft.get(), Pos.NONE),
                        "the cases in one formula (equal to them region by region)"));
                value = soft.get();
            }
        }
        List<Result> results = new ArrayList<>();
        results.add(Result.of(w, value));
        optimalValue(p, o, arms, ctx, steps, results);
        return new Attempt.Derived(steps, results);
    }

    /** b + sign(u)·max(|u| − c, 0)/α, u = −β − α·b, when proven equal to the cases. */
    private static Optional<Expr> softThreshold(Problem p, Kink k, Expr alpha, Expr beta, Expr cases, DeriveContext ctx) {
        // alpha > 0, so with u = alpha*(z - b) = -beta - alpha*b: (z - b) thresholded at tau is sign(u)*max(|u| - c, 0)/alpha
        Expr u = ctx.simplify(Exprs.sub(Exprs.neg(beta), Exprs.mul(alpha, k.at())));
        Expr core = Exprs.mul(new Apply(Builtin.SIGN, List.of(u), Pos.NONE),
                new Apply(Builtin.MAX, List.of(Exprs.sub(abs(u), k.weight()), Num.ZERO), Pos.NONE));
        if (!(alpha instanceof Num one && one.value().isOne())) core = Exprs.div(core, alpha);
        // or the shift z - b thresholded at tau = c/alpha directly; the shorter of the two is printed
        Expr shift = ctx.simplify(Exprs.div(u, alpha)), tau = ctx.simplify(Exprs.div(k.weight(), alpha));
        Expr direct = Exprs.mul(new Apply(Builtin.SIGN, List.of(shift), Pos.NONE),
                new Apply(Builtin.MAX, List.of(Exprs.sub(abs(shift), tau), Num.ZERO), Pos.NONE));
        if (TextPrinter.print(direct).length() < TextPrinter.print(core).length()) core = direct;
        Expr soft = Exprs.isZero(k.at()) ? core : Exprs.add(k.at(), core);
        try {
            PiecewiseRegions.Outcome same = PiecewiseRegions.zero(Exprs.sub(soft, cases), p.assumptions(), ctx);
            return same.proved() ? Optional.of(soft) : Optional.empty();
        } catch (RuntimeException e) {
            if (e instanceof derivcheck.limits.Deadline.Expired x) throw x;
            return Optional.empty();
        }
    }

    /**
     * The optimal value case by case (the Huber function for the lasso): the objective at each case's
     * minimizer, simplified in that case, under that case's guard.
     */
    private static void optimalValue(Problem p, Optimization o, List<Piecewise.Arm> arms, DeriveContext ctx, List<Step> steps,
                                     List<Result> results) {
        for (Expr t : p.targets()) {
            if (!(t instanceof Sym s && s.kind() == derivcheck.expr.SymKind.OPTIMUM)) continue;
            List<Piecewise.Arm> values = new ArrayList<>();
            for (Piecewise.Arm a : arms) {
                Expr at = Exprs.substitute(o.original(), o.unknown(), a.value());
                // |.| of the pieces' own sign: resolved under the case's guard where the CAS can
                derivcheck.cas.Assumptions here = derivcheck.cas.Assumptions.NONE;
                for (Relation g : a.guard()) here = Facts.with(here, g);
                values.add(new Piecewise.Arm(Simplifier.scalar(absUnder(at, a.guard(), ctx), ctx.with(here)), a.guard()));
            }
            Expr value = new Piecewise(values, Pos.NONE);
            steps.add(Step.of("optimal value", new Relation(RelOp.EQ, s, value, Pos.NONE),
                    "substitute each case's minimizer into the objective"));
            results.add(Result.of(s, value));
        }
    }

    /** |u| resolved where u is a numeric multiple of a guard's lhs − rhs (|a + lam| = −(a + lam) where a < −lam). */
    private static Expr absUnder(Expr e, List<Relation> guard, DeriveContext ctx) {
        return Exprs.transform(e, x -> {
            if (!(x instanceof Apply a && a.fn() == Builtin.ABS && a.isScalar())) return null;
            Expr u = absUnder(a.args().get(0), guard, ctx);
            for (Relation g : guard) {
                int side = switch (g.op()) { case LT -> -1; case GT -> 1; default -> 0; };
                if (side == 0) continue;
                Expr gap = Exprs.sub(g.lhs(), g.rhs());
                if (ctx.simplify(Exprs.div(u, gap)) instanceof Num r && r.value().signum() != 0) {
                    return r.value().signum() * side > 0 ? u : Exprs.neg(u);
                }
            }
            return new Apply(Builtin.ABS, List.of(u), Pos.NONE);
        });
    }

    /** e or −e, whichever prints with fewer minus signs (|−a − mu| is |a + mu|). */
    private static Expr fewerMinus(Expr e, DeriveContext ctx) {
        Expr neg = ctx.simplify(Exprs.neg(e));
        return minusCount(TextPrinter.print(neg)) < minusCount(TextPrinter.print(e)) ? neg : e;
    }

    private static long minusCount(String t) { return t.chars().filter(c -> c == '-').count(); }

    private static List<Relation> caseMath(Sym w, Expr value, List<Relation> guard) {
        List<Relation> out = new ArrayList<>();
        out.add(new Relation(RelOp.EQ, w, value, Pos.NONE));
        out.addAll(guard);
        return out;
    }

    /** d op 0 written as a sheet does: the first term on the left, the others moved to the right (a + lam < 0 -> a < -lam). */
    private static Relation condition(Expr d, RelOp op, DeriveContext ctx) {
        if (d instanceof Add a && a.terms().size() > 1) {
            // the first term that is not a number stays on the left, with a positive sign
            int keep = 0;
            while (keep < a.terms().size() && a.terms().get(keep) instanceof Num) keep++;
            if (keep == a.terms().size()) return new Relation(op, d, Num.ZERO, Pos.NONE);
            Expr left = a.terms().get(keep);
            List<Expr> right = new ArrayList<>();
            for (int k = 0; k < a.terms().size(); k++) if (k != keep) right.add(Exprs.neg(a.terms().get(k)));
            Expr r = ctx.simplify(Exprs.add(right, Pos.NONE));
            if (left instanceof Mul m && m.factors().get(0) instanceof Num c && c.value().signum() < 0) {
                return new Relation(flip(op), ctx.simplify(Exprs.neg(left)), ctx.simplify(Exprs.neg(r)), Pos.NONE);
            }
            return new Relation(op, left, r, Pos.NONE);
        }
        return new Relation(op, d, Num.ZERO, Pos.NONE);
    }

    private static RelOp flip(RelOp op) {
        return switch (op) { case LT -> RelOp.GT; case GT -> RelOp.LT; case LE -> RelOp.GE; case GE -> RelOp.LE; default -> op; };
    }

    /** c*|ℓ(w)| (or |ℓ(w)|) with c ≥ 0 free of w and ℓ affine in w with a slope of known sign. */
    private static Optional<Kink> kink(Expr t, Sym w, DeriveContext ctx) {
        List<Expr> factors = t instanceof Mul m ? m.factors() : List.of(t);
        Apply absTerm = null;
        List<Expr> rest = new ArrayList<>();
        for (Expr f : factors) {
            if (absTerm == null && f instanceof Apply a && a.fn() == Builtin.ABS && Exprs.mentions(a, w.name())) absTerm = a;
            else rest.add(f);
        }
        if (absTerm == null) return Optional.empty();
        Expr c = rest.isEmpty() ? Num.ONE : Exprs.mul(rest, Pos.NONE);
        if (Exprs.mentions(c, w.name())) return Optional.empty();
        Sign cs = ctx.cas().sign(c, ctx.assumptions()).orElse(Sign.UNKNOWN);
        if (cs != Sign.POSITIVE && cs != Sign.NONNEGATIVE) return Optional.empty();
        Expr l = absTerm.args().get(0);
        if (hasNonSmooth(l, w)) return Optional.empty();
        Optional<Expr> dl = Calculus.gradient(l, w);
        if (dl.isEmpty()) return Optional.empty();
        Expr slope = ctx.simplify(dl.get());
        if (Exprs.mentions(slope, w.name())) return Optional.empty();
        Sign ss = ctx.cas().sign(slope, ctx.assumptions()).orElse(Sign.UNKNOWN);
        if (ss != Sign.POSITIVE && ss != Sign.NEGATIVE) return Optional.empty();
        Expr at = ctx.simplify(Exprs.neg(Exprs.div(Exprs.substitute(l, w, Num.ZERO), slope)));
        Expr weight = ctx.simplify(Exprs.mul(c, ss == Sign.POSITIVE ? slope : Exprs.neg(slope)));
        return Optional.of(new Kink(at, weight, t));
    }

    private static boolean hasAbsOf(Expr e, Sym w) {
        return Exprs.anyNode(e, x -> x instanceof Apply a && a.fn() == Builtin.ABS && Exprs.mentions(a, w.name()));
    }

    /** abs, sign, max, min, relu, cases or brackets in w: not smooth. */
    private static boolean hasNonSmooth(Expr e, Sym w) {
        return Exprs.anyNode(e, x -> (x instanceof Apply a && (a.fn() == Builtin.ABS || a.fn() == Builtin.SIGN || a.fn() == Builtin.MAX
                || a.fn() == Builtin.MIN || a.fn() == Builtin.RELU) || x instanceof Piecewise || x instanceof derivcheck.expr.Iverson)
                && Exprs.mentions(x, w.name()));
    }

    private static Expr abs(Expr e) { return new Apply(Builtin.ABS, List.of(e), Pos.NONE); }

    /** The derivative of the smooth part, as a step writes it: q'(w). */
    private static Expr derivative(Expr q, Sym w) {
        return new derivcheck.expr.Grad(q, w, Pos.NONE);
    }
}
