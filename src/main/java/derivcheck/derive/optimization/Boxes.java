package derivcheck.derive.optimization;

import derivcheck.derive.DeriveContext;
import derivcheck.derive.Simplifier;
import derivcheck.derive.Tidy;
import derivcheck.derive.linear.AffineForm;
import derivcheck.expr.Apply;
import derivcheck.expr.Builtin;
import derivcheck.expr.Expr;
import derivcheck.expr.Exprs;
import derivcheck.expr.Norm;
import derivcheck.expr.NormKind;
import derivcheck.expr.Num;
import derivcheck.expr.RelOp;
import derivcheck.expr.Relation;
import derivcheck.expr.Sym;
import derivcheck.model.Constraint;
import java.util.List;
import java.util.Optional;

/**
 * Recognizes a box constraint on a vector unknown x: |x_i - m_i| <= r for all i,
 * lo_i <= x_i <= hi_i for all i, or ||x - m||_inf <= r; as its centre and half-width.
 */
final class Boxes {
    private Boxes() {}

    /** The box as centre and half-width (a scalar or a vector). */
    record Box(Expr center, Expr halfWidth, Optional<Expr> lower, Optional<Expr> upper) {
        Box(Expr center, Expr halfWidth) { this(center, halfWidth, Optional.empty(), Optional.empty()); }
    }

    static Optional<Box> of(Optimization o, Sym x, DeriveContext ctx) {
        if (o.constraints().size() != 1) return Optional.empty();
        Constraint k = o.constraints().get(0);
        List<Relation> rs = k.relations();
        if (k.forAll().isPresent()) {
            Sym i = k.forAll().get();
            // |u_i| <= r
            if (rs.size() == 1 && isUpper(rs.get(0)) && rs.get(0).lhs() instanceof Apply a && a.fn() == Builtin.ABS) {
                Optional<Expr> u = Lifting.lift(a.args().get(0), i);
                Optional<Expr> r = liftOrScalar(rs.get(0).rhs(), i);
                if (u.isEmpty() || r.isEmpty()) return Optional.empty();
                return centred(u.get(), r.get(), x, ctx);
            }
            // lo_i <= x_i <= hi_i
            if (rs.size() == 2 && isUpper(rs.get(0)) && isUpper(rs.get(1))) {
                Optional<Expr> lo = liftOrScalar(rs.get(0).lhs(), i);
                Optional<Expr> mid = Lifting.lift(rs.get(0).rhs(), i);
                Optional<Expr> hi = liftOrScalar(rs.get(1).rhs(), i);
                if (lo.isEmpty() || mid.isEmpty() || hi.isEmpty() || !mid.get().equals(x)) return Optional.empty();
                Expr half = Num.of(1, 2);
                return Optional.of(new Box(Simplifier.any(Exprs.mul(half, Exprs.add(lo.get(), hi.get())), ctx),
                        Simplifier.any(Exprs.mul(half, Exprs.sub(hi.get(), lo.get())), ctx), lo, hi));
            }
            return Optional.empty();
        }
        if (rs.size() == 1 && isUpper(rs.get(0)) && rs.get(0).lhs() instanceof Norm n && n.kind() == NormKind.LINF
                && rs.get(0).rhs().isScalar()) {
            return centred(n.arg(), rs.get(0).rhs(), x, ctx);
        }
        return Optional.empty();
    }

    /**
     * Bounds on the whole vector, x >= l, x <= u (either side may be missing; at most one bound a side; l and u
     * scalars or vectors not involving x), in one or more constraints: the box with only its sides (no centre or
     * half-width, which are null). {@link #of} does not return these, so the strategies that need both sides
     * never see one.
     */
    static Optional<Box> bounds(Optimization o, Sym x) {
        if (o.constraints().isEmpty()) return Optional.empty();
        Optional<Expr> lo = Optional.empty(), hi = Optional.empty();
        List<Relation> rs = new java.util.ArrayList<>();
        for (Constraint c : o.constraints()) {
            if (c.forAll().isPresent()) return Optional.empty();
            rs.addAll(c.relations());
        }
        for (Relation r : rs) {
            if (r.op() != RelOp.LE && r.op() != RelOp.GE) return Optional.empty();
            Expr other;
            boolean upper;
            if (r.lhs().equals(x) && !Exprs.mentions(r.rhs(), x.name())) { other = r.rhs(); upper = r.op() == RelOp.LE; }
            else if (r.rhs().equals(x) && !Exprs.mentions(r.lhs(), x.name())) { other = r.lhs(); upper = r.op() == RelOp.GE; }
            else return Optional.empty();
            if (upper ? hi.isPresent() : lo.isPresent()) return Optional.empty();
            if (upper) hi = Optional.of(other); else lo = Optional.of(other);
        }
        return Optional.of(new Box(null, null, lo, hi));
    }

    private static Optional<Expr> liftOrScalar(Expr e, Sym i) {
        if (!Exprs.mentions(e, i.name())) return Optional.of(e);
        return Lifting.lift(e, i);
    }

    /** |u| <= r with u = x − m: the box centred at m. */
    private static Optional<Box> centred(Expr u, Expr r, Sym x, DeriveContext ctx) {
        if (Exprs.mentions(r, x.name())) return Optional.empty();
        Optional<AffineForm> f = AffineForm.of(u, x);
        if (f.isEmpty() || f.get().hasMatrixPart() || f.get().radial()
                || !(ctx.simplify(f.get().scalarPart()) instanceof Num one && one.value().isOne())) {
            return Optional.empty();
        }
        return Optional.of(new Box(Tidy.of(Exprs.neg(f.get().rest()), ctx), r));
    }

    private static boolean isUpper(Relation r) { return r.op() == RelOp.LE || r.op() == RelOp.LT; }
}
