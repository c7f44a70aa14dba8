package derivcheck.derive.optimization;

import derivcheck.derive.Attempt;
import derivcheck.derive.DeriveContext;
import derivcheck.derive.Names;
import derivcheck.derive.Result;
import derivcheck.derive.Step;
import derivcheck.derive.Tidy;
import derivcheck.expr.Apply;
import derivcheck.expr.Builtin;
import derivcheck.expr.Expr;
import derivcheck.expr.Exprs;
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
 * An isotropic quadratic over a box, min alpha/2*||x - z||^2 + const s.t. |x_i - m_i| <= r
 * (projections onto boxes, proximal steps with box constraints). The problem separates by
 * coordinate; a convex parabola on an interval is smallest at its vertex clipped to the
 * interval (KKT: a bound is active exactly when the vertex lies beyond it), so
 * x = m + min(max(z - m, -r), r).
 */
public final class QuadraticOverBox implements FastPath {
    /** Whether whole-vector bounds with a side missing (x >= l, x <= u) are taken too: the KKT core's view. */
    private final boolean oneSided;

    /** Two-sided boxes only (the fast path in {@link Optimize#WAYS}). */
    public QuadraticOverBox() { this(false); }

    /** With {@code oneSided}, also x >= l, x <= u or both as whole-vector bounds (the core's view, {@link KktCore#BOX}). */
    QuadraticOverBox(boolean oneSided) { this.oneSided = oneSided; }

    @Override public String name() { return "separable quadratic over a box (clipping)"; }

    @Override public Attempt on(Problem p, Optimization o, DeriveContext ctx) {
        Sym x = o.unknown();
        if (!x.shape().isVector()) return Attempt.declined("the unknown is not a vector");
        Optional<Boxes.Box> box = Boxes.of(o, x, ctx);
        if (box.isEmpty() && oneSided) box = Boxes.bounds(o, x);
        if (box.isEmpty()) return Attempt.declined("the constraints are not one box");
        Optional<IsotropicGradient> q = o.gradient().flatMap(g -> IsotropicGradient.of(g, x, ctx, true));
        if (q.isEmpty()) return Attempt.declined("the gradient is not alpha*x - b with alpha > 0");
        Expr z = q.get().z();
        if (box.get().center() == null) return sides(p, o, q.get(), box.get(), ctx);
        Expr m = box.get().center();
        Expr r = box.get().halfWidth();
        boolean centred = Exprs.isZero(m);
        Sym i = new Sym(Names.freshIndex(p, "i"), Shape.SCALAR, SymKind.INDEX, Pos.NONE);
        Expr zi = SeparableBox.entryOf(z, i);
        Expr mi = centred ? Num.ZERO : SeparableBox.entryOf(m, i);
        Expr ri = r.isScalar() ? r : SeparableBox.entryOf(r, i);
        Expr xi = Lifting.entry(x, i);
        Expr lo = Exprs.sub(mi, ri);
        Expr hi = Exprs.add(mi, ri);
        List<Step> steps = new ArrayList<>();
        steps.add(Step.of(o.sense(), new Relation(RelOp.EQ, Names.objective(), o.original(), Pos.NONE), "the objective"));
        steps.add(Step.explained("gradient", new Relation(RelOp.EQ, Names.gradientOfObjective(x),
                Tidy.of(Exprs.sub(Exprs.mul(q.get().alpha(), x), q.get().b()), ctx), Pos.NONE),
                "the objective is ", Exprs.mul(List.of(q.get().alpha(), Exprs.pow(Num.of(2), Num.MINUS_ONE),
                        Exprs.sq(new derivcheck.expr.Norm(Exprs.sub(x, new Sym(Names.fresh(p, "z"), x.shape(), SymKind.LET, Pos.NONE)),
                                derivcheck.expr.NormKind.L2, Pos.NONE))), Pos.NONE), " plus a constant"));
        steps.add(Step.of("unconstrained minimizer", new Relation(RelOp.EQ, Names.scalar(Names.fresh(p, "z")), z, Pos.NONE),
                "where the gradient vanishes"));
        steps.add(Step.of("case analysis", new Relation(RelOp.EQ, xi, new Piecewise(List.of(
                new Piecewise.Arm(lo, List.of(new Relation(RelOp.LT, zi, lo, Pos.NONE))),
                new Piecewise.Arm(hi, List.of(new Relation(RelOp.GT, zi, hi, Pos.NONE))),
                new Piecewise.Arm(zi, List.of())), Pos.NONE), Pos.NONE),
                "the problem separates; a convex parabola on an interval is smallest at its vertex, or at the bound the "
                        + "vertex lies beyond (KKT: that bound's multiplier is positive, the other is 0)"));
        Expr value;
        if (box.get().lower().isPresent()) {
            value = new Apply(Builtin.MIN, List.of(new Apply(Builtin.MAX, List.of(z, box.get().lower().get()), Pos.NONE),
                    box.get().upper().get()), Pos.NONE);
        } else {
            Expr offset = centred ? z : Exprs.sub(z, m);
            Expr clipped = new Apply(Builtin.MIN, List.of(new Apply(Builtin.MAX, List.of(offset, Exprs.neg(r)), Pos.NONE), r), Pos.NONE);
            value = centred ? clipped : Exprs.add(m, clipped);
        }
        steps.add(Step.of("merge cases", new Relation(RelOp.EQ, x, value, Pos.NONE), "clip entrywise to the box"));
        List<Result> results = new ArrayList<>();
        results.add(Result.of(x, value));
        OptimalValue.add(p, o, value, ctx, steps, results);
        return new Attempt.Derived(steps, results);
    }

    /** Bounds with a side possibly missing: the cases of the sides present, merged into max(z, l), min(z, u) or both. */
    private static Attempt sides(Problem p, Optimization o, IsotropicGradient q, Boxes.Box box, DeriveContext ctx) {
        Sym x = o.unknown();
        Expr z = q.z();
        Sym i = new Sym(Names.freshIndex(p, "i"), Shape.SCALAR, SymKind.INDEX, Pos.NONE);
        Expr zi = SeparableBox.entryOf(z, i);
        Expr xi = Lifting.entry(x, i);
        List<Step> steps = new ArrayList<>();
        steps.add(Step.of(o.sense(), new Relation(RelOp.EQ, Names.objective(), o.original(), Pos.NONE), "the objective"));
        steps.add(Step.explained("gradient", new Relation(RelOp.EQ, Names.gradientOfObjective(x),
                Tidy.of(Exprs.sub(Exprs.mul(q.alpha(), x), q.b()), ctx), Pos.NONE),
                "the objective is ", Exprs.mul(List.of(q.alpha(), Exprs.pow(Num.of(2), Num.MINUS_ONE),
                        Exprs.sq(new derivcheck.expr.Norm(Exprs.sub(x, new Sym(Names.fresh(p, "z"), x.shape(), SymKind.LET, Pos.NONE)),
                                derivcheck.expr.NormKind.L2, Pos.NONE))), Pos.NONE), " plus a constant"));
        steps.add(Step.of("unconstrained minimizer", new Relation(RelOp.EQ, Names.scalar(Names.fresh(p, "z")), z, Pos.NONE),
                "where the gradient vanishes"));
        List<Piecewise.Arm> arms = new ArrayList<>();
        if (box.lower().isPresent()) {
            Expr li = SeparableBox.entryOf(box.lower().get(), i);
            arms.add(new Piecewise.Arm(li, List.of(new Relation(RelOp.LT, zi, li, Pos.NONE))));
        }
        if (box.upper().isPresent()) {
            Expr ui = SeparableBox.entryOf(box.upper().get(), i);
            arms.add(new Piecewise.Arm(ui, List.of(new Relation(RelOp.GT, zi, ui, Pos.NONE))));
        }
        arms.add(new Piecewise.Arm(zi, List.of()));
        boolean both = box.lower().isPresent() && box.upper().isPresent();
        steps.add(Step.of("case analysis", new Relation(RelOp.EQ, xi, new Piecewise(arms, Pos.NONE), Pos.NONE),
                "the problem separates; a convex parabola on " + (both ? "an interval" : "a half-line") + " is smallest at its vertex, or at the "
                        + "bound the vertex lies beyond (KKT: that bound's multiplier is positive" + (both ? ", the other is 0)" : ")")));
        Expr value = z;
        if (box.lower().isPresent()) value = new Apply(Builtin.MAX, List.of(value, box.lower().get()), Pos.NONE);
        if (box.upper().isPresent()) value = new Apply(Builtin.MIN, List.of(value, box.upper().get()), Pos.NONE);
        steps.add(Step.of("merge cases", new Relation(RelOp.EQ, x, value, Pos.NONE), "clip entrywise to the bounds"));
        List<Result> results = new ArrayList<>();
        results.add(Result.of(x, value));
        OptimalValue.add(p, o, value, ctx, steps, results);
        return new Attempt.Derived(steps, results);
    }
}
