package derivcheck.derive.optimization;

import derivcheck.derive.Attempt;
import derivcheck.derive.DeriveContext;
import derivcheck.derive.linear.Definiteness;
import derivcheck.expr.Sym;
import derivcheck.expr.TextPrinter;
import derivcheck.model.Problem;
import java.util.Optional;

/**
 * The KKT core: a strictly convex quadratic (∇f = H·x + r, H ≻ 0 proven by {@link Definiteness})
 * under affine constraints ⟨a_j, x⟩ = b_j and ⟨a_j, x⟩ ≤ b_j. With the Lagrangian
 * L = f + Σ ν_j(⟨a_j, x⟩ − b_j), stationarity gives x = x_u − Σ ν_j H⁻¹a_j (x_u = −H⁻¹r); every
 * active set (all equalities, a subset of the inequalities) is a case whose multipliers solve
 * G·ν = t. Cases are pruned when two constraints cannot be active together or a requirement is
 * decided false; the survivors merge into max (one halfspace), clip (a slab lo ≤ ⟨a, x⟩ ≤ hi) or a
 * piecewise result on the conditions the CAS cannot decide. For a convex problem with affine
 * constraints the KKT conditions are necessary and sufficient, and with H ≻ 0 the minimizer is
 * unique, so exactly one case holds at every point: the piecewise result is exhaustive.
 * Strict positivity x > 0 is an open domain, not a constraint: the problem is handed on with the
 * domain (see {@link OpenDomain}). What it cannot solve it declines, saying why.
 */
public final class KktCore implements FastPath {
    /** The most inequalities the case enumeration takes (2^k cases). */
    static final int MAX_INEQUALITIES = 3;

    /**
     * The core's views of one active-set structure each, also tried on their own as fast paths (see
     * {@link Optimize#WAYS}), with the same steps: no constraint (stationarity), one 2-ball under an
     * isotropic quadratic (inactive or active), a box under an isotropic quadratic (clip per coordinate) or a
     * linear objective (the end opposite the slope's sign per coordinate).
     */
    static final FastPath UNCONSTRAINED = new AffineStationarity();
    static final FastPath BALL = new QuadraticOverNormBall();
    static final FastPath BOX = new QuadraticOverBox(true);
    static final FastPath LINEAR_BOX = new SeparableBox();

    @Override public String name() { return "KKT core (active sets)"; }

    /** The first view that derives, or null. */
    private static Attempt firstDerived(Problem p, Optimization o, DeriveContext ctx, FastPath... views) {
        for (FastPath v : views) {
            Attempt a = v.on(p, o, ctx);
            if (a instanceof Attempt.Derived) return a;
        }
        return null;
    }

    @Override public Attempt on(Problem p, Optimization o, DeriveContext ctx) {
        Sym x = o.unknown();
        if (!x.shape().isVector()) return Attempt.declined("the unknown is not a vector");
        // the empty active set: an unconstrained quadratic is solved by its stationarity with the second-order check
        if (o.constraints().isEmpty()) return UNCONSTRAINED.on(p, o, ctx);
        if (o.declaration().domain().isPresent()) {
            // the cases below see only the constraints: a declared domain (find x : vector[n] in [-1, 1]) would be ignored,
            // and the projection onto a hyperplane stated as the minimizer though it leaves the box (fuzz/GeneratedSpecsTest)
            return Attempt.declined("the domain declared with " + x.name() + " (" + domain(o.declaration().domain().get())
                    + ") is a constraint the KKT core does not take together with the others; state it in 'subject to'");
        }
        KktConstraints cs = o.kkt();
        if (!cs.openPositivity().isEmpty()) return OpenDomain.attempt(p, o, ctx);
        if (!cs.unsupported().isEmpty()) return Attempt.declined("the constraint " + cs.unsupported().get(0) + " is not one the KKT core solves");
        Optional<QuadraticObjective> q = o.gradient().flatMap(g -> QuadraticObjective.ofGradient(g, x, ctx));
        if (q.isEmpty()) return Attempt.declined("the gradient of the objective is not affine in " + x.name()
                + " (the KKT core solves linear and quadratic objectives)");
        if (!cs.balls().isEmpty()) {
            if (cs.balls().size() == 1 && cs.affine().isEmpty() && cs.separable().isEmpty()) {
                if (q.get().linear()) return LinearOverBall.attempt(p, o, q.get(), cs.balls().get(0), ctx);
                // an isotropic quadratic over one 2-ball (two cases) or ∞-ball (a box: clipping per coordinate)
                Attempt a = q.get().isotropic() ? firstDerived(p, o, ctx, BALL, BOX) : null;
                if (a != null) return a;
            }
            return Attempt.declined("a norm ball together with " + (cs.balls().size() > 1 ? "another ball" : "other constraints")
                    + (q.get().linear() ? "" : " under a quadratic objective")
                    + ": the ball's multiplier is coupled with the others' (the case analysis has no closed form here)");
        }
        if (!cs.separable().isEmpty() && cs.affine().isEmpty() && q.get().isotropic()) {
            // one box per coordinate: a linear objective goes to the box's ends by the signs, a quadratic is clipped
            Attempt a = firstDerived(p, o, ctx, q.get().linear() ? LINEAR_BOX : BOX);
            if (a != null) return a;
        }
        if (q.get().linear()) {
            return Attempt.declined("a linear objective under affine constraints is unbounded unless its gradient is a combination"
                    + " of the constraints' normals; the KKT core does not decide that");
        }
        Definiteness.Verdict v = Definiteness.of(q.get().c(), q.get().parts(), p, ctx);
        if (v.kind() != Definiteness.Kind.PD) {
            String hint = v.hints().isEmpty() ? "declare the matrix properties or assumptions that make it so" : String.join(", or ", v.hints());
            return Attempt.declined("cannot show that the Hessian " + TextPrinter.print(q.get().hessian(ctx)) + " of " + x.name()
                    + " is positive definite, so a KKT point need not be the " + (o.maximize() ? "maximizer" : "minimizer") + "; " + hint);
        }
        if (!cs.separable().isEmpty()) {
            if (cs.affine().isEmpty()) return SeparableBounds.attempt(p, o, q.get(), cs.separable(), v, ctx);
            return Attempt.declined("bounds per coordinate together with " + TextPrinter.print(cs.affine().get(0).source().lhs()) + " "
                    + cs.affine().get(0).source().op().symbol() + " " + TextPrinter.print(cs.affine().get(0).source().rhs())
                    + ": each coordinate is clipped, x_i = clip(z_i - nu*a_i, lo_i, hi_i), and the multiplier nu is the root of a"
                    + " piecewise-linear equation whose pieces depend on how the data are ordered (no closed form)");
        }
        if (cs.inequalities().size() > MAX_INEQUALITIES) {
            return Attempt.declined("more than " + MAX_INEQUALITIES + " inequality constraints (too many active sets to enumerate)");
        }
        return new ActiveSets(p, o, q.get(), cs.affine(), v, ctx).solve();
    }

    /** "in [-1, 1]", "in (0, inf)". */
    private static String domain(derivcheck.model.Domain d) {
        return "in " + (d.loOpen() ? "(" : "[") + d.lo().map(TextPrinter::print).orElse("-inf") + ", "
                + d.hi().map(TextPrinter::print).orElse("inf") + (d.hiOpen() ? ")" : "]");
    }
}
