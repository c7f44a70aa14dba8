package derivcheck.derive.optimization;

import derivcheck.derive.Attempt;
import derivcheck.derive.DeriveContext;
import derivcheck.derive.Names;
import derivcheck.derive.Result;
import derivcheck.derive.Simplifier;
import derivcheck.derive.Step;
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
 * A linear objective over a box, min <c, x> + const s.t. |x_i − m_i| ≤ r for all i (or
 * lo_i ≤ x_i ≤ hi_i, or ||x − m||_inf ≤ r). The problem separates by coordinate
 * (seed 000 A1b, 001 A4, 004 P5): c_i·x_i on an interval is smallest at the end opposite
 * the sign of c_i, which merges into x = m − r·sign(c).
 */
public final class SeparableBox implements FastPath {
    @Override public String name() { return "separable box (KKT case analysis)"; }

    @Override public Attempt on(Problem p, Optimization o, DeriveContext ctx) {
        Sym x = o.unknown();
        if (!x.shape().isVector()) return Attempt.declined("the unknown is not a vector");
        if (o.constraints().isEmpty()) return Attempt.declined("there is no box constraint");
        Optional<Boxes.Box> box = Boxes.of(o, x, ctx);
        if (box.isEmpty()) return Attempt.declined("the constraints are not one box |x_i - m_i| <= r, lo_i <= x_i <= hi_i or ||x - m||_inf <= r");
        Optional<Expr> linear = o.linearGradient(ctx);
        if (linear.isEmpty()) {
            return Attempt.declined(o.gradient().isEmpty() ? "cannot differentiate the objective" : "the objective is not linear in " + x.name());
        }
        Expr c = linear.get();
        Expr m = box.get().center();
        Expr r = box.get().halfWidth();
        Sym i = new Sym(Names.freshIndex(p, "i"), Shape.SCALAR, SymKind.INDEX, Pos.NONE);
        Expr ci = entryOf(c, i);
        boolean centred = Exprs.isZero(m);
        Expr mi = centred ? Num.ZERO : entryOf(m, i);
        Expr ri = r.isScalar() ? r : entryOf(r, i);
        Expr xi = Lifting.entry(x, i);
        List<Step> steps = new ArrayList<>();
        steps.add(Step.of(o.sense(), new Relation(RelOp.EQ, Names.objective(), o.original(), Pos.NONE),
                "a linear objective" + (o.maximize() ? "; maximizing the objective is minimizing its negative" : "")));
        steps.add(Step.explained("separable", List.of(new Relation(RelOp.LE, Exprs.sub(mi, ri), xi, Pos.NONE),
                new Relation(RelOp.LE, xi, Exprs.add(mi, ri), Pos.NONE)),
                "up to a constant the objective is the sum over ", i, " of ", Exprs.mul(ci, xi),
                ", and each coordinate has its own interval: solve coordinate by coordinate"));
        Piecewise cases = new Piecewise(List.of(
                new Piecewise.Arm(Exprs.sub(mi, ri), List.of(new Relation(RelOp.GT, ci, Num.ZERO, Pos.NONE))),
                new Piecewise.Arm(Exprs.add(mi, ri), List.of(new Relation(RelOp.LT, ci, Num.ZERO, Pos.NONE))),
                new Piecewise.Arm(mi, List.of())), Pos.NONE);
        steps.add(Step.explained("case analysis", new Relation(RelOp.EQ, xi, cases, Pos.NONE),
                "a linear function on an interval is smallest at the lower end when its slope ", ci, " is positive and at the "
                        + "upper end when it is negative (KKT: the multiplier of the active bound is ",
                new Apply(Builtin.ABS, List.of(ci), Pos.NONE), "); with ", new Relation(RelOp.EQ, ci, Num.ZERO, Pos.NONE),
                " every point is optimal, take the centre"));
        Expr sign = new Apply(Builtin.SIGN, List.of(c), Pos.NONE);
        Expr merged = Exprs.sub(mi, Exprs.mul(ri, new Apply(Builtin.SIGN, List.of(ci), Pos.NONE)));
        steps.add(Step.explained("merge cases", new Relation(RelOp.EQ, xi, merged, Pos.NONE), "the three cases are ", merged,
                ", written with the sign of ", ci));
        List<Result> results = new ArrayList<>();
        if (!centred && m.isScalar()) {
            // scalar bounds lo <= x_i <= hi: the centre is a number, so the result is stated entry by entry
            Expr entry = Simplifier.scalar(merged, ctx);
            results.add(new Result(xi, entry, List.of(), Optional.of(new derivcheck.model.IndexRange(i, Num.ONE, dimension(x)))));
            return new Attempt.Derived(steps, results);
        }
        Expr step = Exprs.mul(r, sign);
        Expr value = Simplifier.any(centred ? Exprs.neg(step) : Exprs.sub(m, step), ctx);
        steps.add(Step.of("lift", new Relation(RelOp.EQ, x, value, Pos.NONE), "the same formula in every coordinate, entrywise"));
        results.add(Result.of(x, value));
        OptimalValue.add(p, o, value, ctx, steps, results);
        return new Attempt.Derived(steps, results);
    }

    /** n for a vector[n] unknown, as an expression. */
    static Expr dimension(Sym x) {
        derivcheck.expr.Dim d = x.shape().rows();
        List<Expr> parts = new ArrayList<>();
        d.terms().forEach((name, k) -> parts.add(Exprs.mul(Num.of(k), new Sym(name, Shape.SCALAR, SymKind.DIM, Pos.NONE))));
        if (d.constant() != 0 || parts.isEmpty()) parts.add(Num.of(d.constant()));
        return Exprs.add(parts, Pos.NONE);
    }

    static Expr entryOf(Expr v, Sym i) {
        return v.isScalar() ? v : Lifting.entry(v, i);
    }
}
