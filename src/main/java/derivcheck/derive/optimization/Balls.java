package derivcheck.derive.optimization;

import derivcheck.derive.DeriveContext;
import derivcheck.derive.Tidy;
import derivcheck.derive.linear.AffineForm;
import derivcheck.expr.Expr;
import derivcheck.expr.Exprs;
import derivcheck.expr.Norm;
import derivcheck.expr.NormKind;
import derivcheck.expr.Num;
import derivcheck.expr.RelOp;
import derivcheck.expr.Relation;
import derivcheck.expr.Sym;
import derivcheck.model.Constraint;
import java.util.Optional;

/** Recognizes one Euclidean-ball constraint ||x - m|| <= r on a vector unknown x. */
final class Balls {
    private Balls() {}

    record Ball(Expr center, Expr radius) {}

    static Optional<Ball> of(Optimization o, Sym x, DeriveContext ctx) {
        if (o.constraints().size() != 1 || o.declaration().domain().isPresent()) return Optional.empty();
        Constraint k = o.constraints().get(0);
        if (k.relations().size() != 1 || k.forAll().isPresent()) return Optional.empty();
        Relation r = k.relations().get(0);
        if (!(r.op() == RelOp.LE || r.op() == RelOp.LT) || !(r.lhs() instanceof Norm n) || n.kind() != NormKind.L2
                || !n.arg().shape().isVector() || Exprs.mentions(r.rhs(), x.name())) {
            return Optional.empty();
        }
        Optional<AffineForm> inside = AffineForm.of(n.arg(), x);
        if (inside.isEmpty() || inside.get().hasMatrixPart() || inside.get().radial()
                || !(ctx.simplify(inside.get().scalarPart()) instanceof Num one && one.value().isOne())) {
            return Optional.empty();
        }
        return Optional.of(new Ball(Tidy.of(Exprs.neg(inside.get().rest()), ctx), r.rhs()));
    }
}
