package derivcheck.derive.optimization;

import derivcheck.cas.Sign;
import derivcheck.derive.Attempt;
import derivcheck.derive.DeriveContext;
import derivcheck.derive.Names;
import derivcheck.derive.Result;
import derivcheck.derive.Step;
import derivcheck.derive.piecewise.PiecewiseRegions;
import derivcheck.expr.Add;
import derivcheck.expr.Apply;
import derivcheck.expr.Builtin;
import derivcheck.expr.Expr;
import derivcheck.expr.Exprs;
import derivcheck.expr.Mul;
import derivcheck.expr.Norm;
import derivcheck.expr.NormKind;
import derivcheck.expr.Num;
import derivcheck.expr.Piecewise;
import derivcheck.expr.Pos;
import derivcheck.expr.RelOp;
import derivcheck.expr.Relation;
import derivcheck.expr.Shape;
import derivcheck.expr.Sym;
import derivcheck.expr.SymKind;
import derivcheck.model.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An l1-regularized isotropic quadratic, min c*||x||_1 + alpha/2*||x - z||^2 + const with
 * c >= 0 (the proximal step of the l1 norm, lasso with an orthogonal design). Subgradient
 * optimality per coordinate: x_i = z_i - tau where z_i > tau, z_i + tau where z_i < -tau, and 0
 * where |z_i| <= tau, tau = c/alpha. That is soft thresholding, x = z - min(max(z, -tau), tau).
 */
public final class SoftThreshold implements FastPath {
    @Override public String name() { return "l1 proximal step (soft thresholding)"; }

    @Override public Attempt on(Problem p, Optimization o, DeriveContext ctx) {
        Sym x = o.unknown();
        if (!x.shape().isVector() || !o.unconstrained()) return Attempt.declined("needs an unconstrained vector unknown");
        List<Expr> terms = new ArrayList<>();
        for (Expr t : o.objective() instanceof Add a ? a.terms() : List.of(o.objective())) terms.addAll(entrySums(t, x));
        Expr weight = null;
        EntryWeight entryWeight = null;
        List<Expr> smooth = new ArrayList<>();
        for (Expr t : terms) {
            Optional<Expr> c = l1Weight(t, x);
            Optional<EntryWeight> cw = c.isPresent() ? Optional.empty() : EntryWeight.of(t, x);
            if (c.isPresent() && weight == null) weight = c.get();
            else if (cw.isPresent() && weight == null) { entryWeight = cw.get(); weight = entryWeight.whole(); }
            else smooth.add(t);
        }
        if (weight == null) return Attempt.declined("there is no term c*||x||_1 or sum(i = 1..n, c_i*|x_i|)");
        Sym i = new Sym(Names.freshIndex(p, "i"), Shape.SCALAR, SymKind.INDEX, Pos.NONE);
        // the weight of |x_i|: the scalar c, or each entry's own c_i; its sign decides convexity (with a
        // negative weight the objective need not be convex and the threshold formula is wrong)
        Expr weightI = entryWeight == null ? weight : entryWeight.at(i);
        // the entries' facts (w : vector[n] in (0, 1), or where w > 0) hold for w_i
        DeriveContext ctxI = entryWeight == null ? ctx : ctx.with(derivcheck.derive.Facts.ofEntries(p, weightI));
        Sign s = ctxI.cas().sign(weightI, ctxI.assumptions()).orElse(Sign.UNKNOWN);
        if (s != Sign.POSITIVE && s != Sign.NONNEGATIVE) {
            return Attempt.declined(entryWeight == null ? "the weight of ||x||_1 is not known to be >= 0"
                    : "the weight " + derivcheck.expr.TextPrinter.print(entryWeight.at(entryWeight.index()))
                    + " of |x_i| is not known to be >= 0 for every entry");
        }
        Expr rest = smooth.isEmpty() ? Num.ZERO : Exprs.add(smooth, Pos.NONE);
        Optional<IsotropicGradient> q = IsotropicGradient.of(rest, x, ctx);
        if (q.isEmpty()) return Attempt.declined("the smooth part's gradient is not alpha*x - b with alpha > 0");
        Expr z = q.get().z();
        Expr tau = ctx.simplify(Exprs.div(weight, q.get().alpha()));
        Expr tauI = entryWeight == null ? tau : ctx.simplify(Exprs.div(weightI, q.get().alpha()));
        Expr zi = SeparableBox.entryOf(z, i);
        Expr xi = Lifting.entry(x, i);
        List<Step> steps = new ArrayList<>();
        steps.add(Step.of(o.sense(), new Relation(RelOp.EQ, Names.objective(), o.original(), Pos.NONE), "the objective"));
        List<Expr> plain = o.objective() instanceof Add a ? a.terms() : List.of(o.objective());
        if (!terms.equals(plain) && entryWeight != null) {
            steps.add(Step.explained("split", new Relation(RelOp.EQ, Names.objective(), Exprs.add(terms, Pos.NONE), Pos.NONE),
                    "the sum over every entry splits term by term"));
        } else if (!terms.equals(plain)) {
            steps.add(Step.explained("1-norm", new Relation(RelOp.EQ, Names.objective(), Exprs.add(terms, Pos.NONE), Pos.NONE),
                    "the sum over every entry splits term by term, and the sum of ", new Apply(Builtin.ABS, List.of(Lifting.entry(x,
                            new Sym(Names.freshIndex(p, "i"), Shape.SCALAR, SymKind.INDEX, Pos.NONE))), Pos.NONE),
                    " over every entry is ", new Norm(x, NormKind.L1, Pos.NONE)));
        }
        Expr alpha = q.get().alpha();
        // the names of the steps, as the explanations use them: z a vector like x, tau a number
        Sym zName = new Sym(Names.fresh(p, "z"), x.shape(), SymKind.LET, Pos.NONE);
        Sym tauName = entryWeight == null ? Names.scalar(Names.fresh(p, "tau"))
                : new Sym(Names.fresh(p, "tau"), x.shape(), SymKind.LET, Pos.NONE);
        Expr tauNameI = SeparableBox.entryOf(tauName, i);
        Expr zNamei = Lifting.entry(zName, i);
        steps.add(Step.explained("smooth part", new Relation(RelOp.EQ, Names.scalar(Names.fresh(p, "z")), z, Pos.NONE),
                "the smooth part is ", Exprs.mul(List.of(alpha, Exprs.pow(Num.of(2), Num.MINUS_ONE),
                        Exprs.sq(new Norm(Exprs.sub(x, zName), NormKind.L2, Pos.NONE))), Pos.NONE), " plus a constant"));
        if (entryWeight == null) {
            steps.add(Step.explained("threshold", new Relation(RelOp.EQ, tauName, tau, Pos.NONE),
                    "the weight of ", new Norm(x, NormKind.L1, Pos.NONE), " divided by the curvature ", alpha));
        } else {
            steps.add(Step.explained("threshold", new Relation(RelOp.EQ, tauNameI, tauI, Pos.NONE),
                    "each entry's weight of ", new Apply(Builtin.ABS, List.of(xi), Pos.NONE), " divided by the curvature ", alpha,
                    "; it is ", Num.ZERO, " or more in every entry"));
        }
        steps.add(Step.explained("case analysis", new Relation(RelOp.EQ, xi, new Piecewise(List.of(
                new Piecewise.Arm(Exprs.sub(zi, tauNameI), List.of(new Relation(RelOp.GT, zi, tauNameI, Pos.NONE))),
                new Piecewise.Arm(Exprs.add(zi, tauNameI), List.of(new Relation(RelOp.LT, zi, Exprs.neg(tauNameI), Pos.NONE))),
                new Piecewise.Arm(Num.ZERO, List.of())), Pos.NONE), Pos.NONE),
                "the problem separates; 0 lies in ", Exprs.mul(alpha, Exprs.sub(xi, zNamei)), " plus ", weightI,
                " times the subdifferential of ", new Apply(Builtin.ABS, List.of(xi), Pos.NONE), ", which is ",
                new Apply(Builtin.SIGN, List.of(xi), Pos.NONE), " where ", new Relation(RelOp.NE, xi, Num.ZERO, Pos.NONE),
                " and every number from ", Num.MINUS_ONE, " to ", Num.ONE, " at 0"));
        List<Relation> known = new ArrayList<>(p.assumptions());
        if (entryWeight != null) known.add(new Relation(RelOp.GE, tauI, Num.ZERO, Pos.NONE)); // proven above: weight >= 0, alpha > 0
        Expr value = signForm(z, tau, zi, tauI, cases(zi, tauI), known, ctxI);
        if (value != null) {
            steps.add(Step.explained("merge cases", new Relation(RelOp.EQ, x, value, Pos.NONE),
                    "soft thresholding: the three cases are ", signForm(zNamei, tauNameI), " in every entry (the sign of ",
                    zNamei, " times its distance beyond ", tauNameI, ", proven region by region)",
                    entryWeight == null ? "; the scalar " : "; each entry has its own threshold ", tauName,
                    entryWeight == null ? " is subtracted from every entry" : ""));
        } else {
            Expr clip = new Apply(Builtin.MIN, List.of(new Apply(Builtin.MAX, List.of(z, Exprs.neg(tau)), Pos.NONE), tau), Pos.NONE);
            value = Exprs.sub(z, clip);
            steps.add(Step.explained("merge cases", new Relation(RelOp.EQ, x, value, Pos.NONE),
                    "soft thresholding: ", zName, " minus ", zName, " clipped entrywise to the interval from ", Exprs.neg(tauName),
                    " to ", tauName));
        }
        List<Result> results = new ArrayList<>();
        results.add(Result.of(x, value));
        OptimalValue.add(p, o, value, ctx, steps, results);
        return new Attempt.Derived(steps, results);
    }

    /** sign(z) .* max(abs(z) - tau, 0) (tau broadcast over the entries); for scalars, their product. */
    static Expr signForm(Expr z, Expr tau) {
        Expr sign = new Apply(Builtin.SIGN, List.of(z), Pos.NONE);
        Expr excess = new Apply(Builtin.MAX, List.of(Exprs.sub(new Apply(Builtin.ABS, List.of(z), Pos.NONE), tau), Num.ZERO), Pos.NONE);
        return z.isScalar() ? Exprs.mul(sign, excess) : new Apply(Builtin.HADAMARD, List.of(sign, excess), Pos.NONE);
    }

    private static Expr cases(Expr zi, Expr tau) {
        return new Piecewise(List.of(
                new Piecewise.Arm(Exprs.sub(zi, tau), List.of(new Relation(RelOp.GT, zi, tau, Pos.NONE))),
                new Piecewise.Arm(Exprs.add(zi, tau), List.of(new Relation(RelOp.LT, zi, Exprs.neg(tau), Pos.NONE))),
                new Piecewise.Arm(Num.ZERO, List.of())), Pos.NONE);
    }

    /**
     * The sheet's form of the merged cases, sign(z) .* max(abs(z) - tau, 0), when its entry is proven
     * equal to the case analysis region by region; null otherwise (the clip form is used).
     */
    private static Expr signForm(Expr z, Expr tau, Expr zi, Expr tauI, Expr cases, List<Relation> known, DeriveContext ctx) {
        try {
            PiecewiseRegions.Outcome same = PiecewiseRegions.zero(Exprs.sub(signForm(zi, tauI), cases), known, ctx);
            return same.proved() ? signForm(z, tau) : null;
        } catch (RuntimeException e) {
            if (e instanceof derivcheck.limits.Deadline.Expired x) throw x;
            return null;
        }
    }

    /**
     * A term written per entry, {@code sum(i = 1..n, body)} over all n entries of x: split by
     * linearity into one sum per term of the body, and {@code sum(i = 1..n, c*abs(x_i))} with c free
     * of i read as {@code c*||x||_1} (the definition of the 1-norm). Other terms as they are.
     */
    static List<Expr> entrySums(Expr t, Sym x) {
        if (!(t instanceof derivcheck.expr.Sum s) || !(x.shape() instanceof Shape.Vector v)
                || !(s.lo() instanceof Num lo && lo.value().isOne())
                || !s.hi().equals(derivcheck.derive.backprop.Backprop.Alg.dim(v.n()))) {
            return List.of(t);
        }
        List<Expr> out = new ArrayList<>();
        for (Expr b : s.body() instanceof Add a ? a.terms() : List.of(s.body())) {
            out.add(l1OfEntries(b, s.index(), x).orElseGet(() -> new derivcheck.expr.Sum(s.index(), s.lo(), s.hi(), b, s.pos())));
        }
        return out;
    }

    private static Optional<Expr> l1OfEntries(Expr body, Sym i, Sym x) {
        Expr absEntry = new Apply(Builtin.ABS, List.of(Lifting.entry(x, i)), Pos.NONE);
        List<Expr> factors = body instanceof Mul m ? new ArrayList<>(m.factors()) : new ArrayList<>(List.of(body));
        if (!factors.remove(absEntry)) return Optional.empty();
        for (Expr f : factors) if (!f.isScalar() || Exprs.mentions(f, i.name()) || Exprs.mentions(f, x.name())) return Optional.empty();
        factors.add(new Norm(x, NormKind.L1, Pos.NONE));
        return Optional.of(Exprs.mul(factors, Pos.NONE));
    }

    /** c for a term c*||x||_1 with c free of x. */
    private static Optional<Expr> l1Weight(Expr t, Sym x) {
        Norm l1 = new Norm(x, NormKind.L1, Pos.NONE);
        if (t.equals(l1)) return Optional.of(Num.ONE);
        if (t instanceof Mul m && m.factors().contains(l1)) {
            List<Expr> rest = new ArrayList<>(m.factors());
            rest.remove(l1);
            Expr c = rest.size() == 1 ? rest.get(0) : Exprs.mul(rest, Pos.NONE);
            if (c.isScalar() && !Exprs.mentions(c, x.name())) return Optional.of(c);
        }
        return Optional.empty();
    }

    /**
     * {@code sum(i = 1..n, c*w_i*abs(x_i))} over all n entries of x, with w a vector of x's shape free of x
     * and c scalars free of i and x: the per-entry weight c*w_i, whole the vector c*w.
     */
    record EntryWeight(Expr whole, Expr body, Sym index) {
        Expr at(Sym i) { return Exprs.substitute(body, index, i); }

        static Optional<EntryWeight> of(Expr t, Sym x) {
            if (!(t instanceof derivcheck.expr.Sum s) || !(x.shape() instanceof Shape.Vector v)
                    || !(s.lo() instanceof Num lo && lo.value().isOne())
                    || !s.hi().equals(derivcheck.derive.backprop.Backprop.Alg.dim(v.n()))) {
                return Optional.empty();
            }
            Sym i = s.index();
            Expr absEntry = new Apply(Builtin.ABS, List.of(Lifting.entry(x, i)), Pos.NONE);
            List<Expr> factors = s.body() instanceof Mul m ? new ArrayList<>(m.factors()) : new ArrayList<>(List.of(s.body()));
            if (!factors.remove(absEntry)) return Optional.empty();
            Expr vector = null;
            List<Expr> scalars = new ArrayList<>();
            for (Expr f : factors) {
                if (Exprs.mentions(f, x.name())) return Optional.empty();
                if (vector == null && f instanceof derivcheck.expr.Index ix && ix.indices().equals(List.of(i))
                        && ix.base() instanceof Sym w && w.shape().equals(x.shape())) {
                    vector = w;
                } else if (f.isScalar() && !Exprs.mentions(f, i.name())) {
                    scalars.add(f);
                } else {
                    return Optional.empty();
                }
            }
            if (vector == null) return Optional.empty();
            List<Expr> whole = new ArrayList<>(scalars);
            whole.add(vector);
            return Optional.of(new EntryWeight(Exprs.mul(whole, Pos.NONE),
                    factors.size() == 1 ? factors.get(0) : Exprs.mul(factors, Pos.NONE), i));
        }
    }
}
