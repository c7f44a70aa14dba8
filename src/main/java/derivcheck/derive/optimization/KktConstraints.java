package derivcheck.derive.optimization;

import derivcheck.algebra.Expansion;
import derivcheck.algebra.Term;
import derivcheck.derive.Calculus;
import derivcheck.expr.Expr;
import derivcheck.expr.Exprs;
import derivcheck.expr.Norm;
import derivcheck.expr.Num;
import derivcheck.expr.Pos;
import derivcheck.expr.RelOp;
import derivcheck.expr.Relation;
import derivcheck.expr.Sym;
import derivcheck.model.Constraint;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The constraints of a problem as the KKT core sorts them: affine equalities and halfspaces
 * ⟨a, x⟩ = b, ⟨a, x⟩ ≤ b (sum(x) = s included), entrywise bounds (separable per coordinate, the
 * strict x > 0 apart: an open domain, not a constraint that can be active), norm balls, and what
 * none of these is (with the reason).
 */
public record KktConstraints(List<Affine> affine, List<Constraint> separable, List<Relation> openPositivity,
                      List<Relation> balls, List<String> unsupported) {

    /** ⟨a, x⟩ = b (equality) or ⟨a, x⟩ ≤ b, read from the relation {@code source}. */
    record Affine(Normal a, Expr b, boolean equality, Relation source) {}

    static KktConstraints read(List<Constraint> cs, Sym x) {
        List<Affine> affine = new ArrayList<>();
        List<Constraint> separable = new ArrayList<>();
        List<Relation> open = new ArrayList<>();
        List<Relation> balls = new ArrayList<>();
        List<String> unsupported = new ArrayList<>();
        for (Constraint c : cs) {
            if (c.forAll().isPresent()) {
                separable.add(c);
                continue;
            }
            for (Relation r : c.relations()) {
                String text = derivcheck.expr.TextPrinter.print(r.lhs()) + " " + r.op().symbol() + " "
                        + derivcheck.expr.TextPrinter.print(r.rhs());
                if (!r.lhs().isScalar() || !r.rhs().isScalar()) {
                    if (isStrictPositivity(r, x)) open.add(r);
                    else separable.add(new Constraint(List.of(r), Optional.empty(), c.pos()));
                    continue;
                }
                if (r.lhs() instanceof Norm || r.rhs() instanceof Norm) {
                    balls.add(r);
                    continue;
                }
                if (r.op() == RelOp.NE) {
                    unsupported.add(text + " (a constraint with != is not a KKT constraint)");
                    continue;
                }
                if (r.op() == RelOp.LT || r.op() == RelOp.GT) {
                    unsupported.add(text + " (a strict inequality: the infimum need not be attained)");
                    continue;
                }
                // g(x) = lhs - rhs for <= and =, rhs - lhs for >=: the constraint is g(x) <= 0 (or = 0)
                Expr g = r.op() == RelOp.GE ? Exprs.sub(r.rhs(), r.lhs()) : Exprs.sub(r.lhs(), r.rhs());
                Optional<Affine> a = affine(g, x, r.op() == RelOp.EQ, r);
                if (a.isPresent()) affine.add(a.get());
                else unsupported.add(text + " (not affine in " + x.name() + ")");
            }
        }
        return new KktConstraints(affine, separable, open, balls, unsupported);
    }

    /** g(x) = ⟨a, x⟩ − b with a and b free of x: a is the gradient, −b the terms without x. */
    private static Optional<Affine> affine(Expr g, Sym x, boolean equality, Relation source) {
        if (!x.shape().isVector()) return Optional.empty();
        Optional<Expr> grad = Calculus.gradient(g, x);
        if (grad.isEmpty() || Exprs.mentions(grad.get(), x.name())) return Optional.empty();
        List<Expr> constant = new ArrayList<>();
        for (Term t : Expansion.expand(g)) {
            Expr e = t.toExpr();
            if (!Exprs.mentions(e, x.name())) constant.add(e);
        }
        Expr b = constant.isEmpty() ? Num.ZERO : Exprs.neg(Exprs.add(constant, Pos.NONE));
        if (Exprs.isZero(grad.get())) return Optional.empty();
        return Optional.of(new Affine(Normal.of(grad.get(), x.shape().rows()), b, equality, source));
    }

    /** x > 0 (or 0 < x) for the vector unknown x itself. */
    private static boolean isStrictPositivity(Relation r, Sym x) {
        return r.op() == RelOp.GT && r.lhs().equals(x) && r.rhs() instanceof Num z && z.value().isZero()
                || r.op() == RelOp.LT && r.rhs().equals(x) && r.lhs() instanceof Num z2 && z2.value().isZero();
    }

    List<Affine> equalities() { return affine.stream().filter(Affine::equality).toList(); }

    List<Affine> inequalities() { return affine.stream().filter(a -> !a.equality()).toList(); }
}
