package derivcheck.derive.linear;

import derivcheck.derive.Attempt;
import derivcheck.derive.DeriveContext;
import derivcheck.derive.Evaluation;
import derivcheck.derive.Result;
import derivcheck.derive.Step;
import derivcheck.derive.Strategy;
import derivcheck.derive.Tidy;
import derivcheck.expr.Expr;
import derivcheck.expr.Exprs;
import derivcheck.expr.Identity;
import derivcheck.expr.Inverse;
import derivcheck.expr.Num;
import derivcheck.expr.Pos;
import derivcheck.expr.RelOp;
import derivcheck.expr.Relation;
import derivcheck.expr.Sym;
import derivcheck.expr.TextPrinter;
import derivcheck.model.Problem;
import derivcheck.model.SolveFor;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code solve lhs = rhs for x} with a vector unknown: lhs − rhs is written in the affine normal form
 * c·x + Σ Mₖ·x + r ({@link AffineForm}, the one the optimization strategies use), so the equation is
 * C x = −r with C = c·I + Σ Mₖ, and x = C⁻¹(−r) once C is proven invertible: positive or negative
 * definite ({@link Definiteness}), or a matrix declared invertible. Fixed points of linear
 * iterations (gradient descent or heavy-ball momentum with weight decay) are of this kind.
 */
public final class VectorLinearSolve implements Strategy {
    @Override public String name() { return "linear vector equation"; }

    @Override public Attempt attempt(Problem p, DeriveContext ctx) {
        if (p.solves().isEmpty()) return Attempt.declined("there is no 'solve … for …'");
        List<Step> steps = new ArrayList<>();
        List<Result> results = new ArrayList<>();
        for (SolveFor s : p.solves()) {
            Sym x = s.unknown();
            if (!x.shape().isVector()) return Attempt.declined("the unknown " + x.name() + " is not a vector");
            Optional<Expr> lhs = Evaluation.explicit(p, s.equation().lhs());
            Optional<Expr> rhs = Evaluation.explicit(p, s.equation().rhs());
            if (lhs.isEmpty() || rhs.isEmpty()) return Attempt.declined("the equation has a gradient that cannot be computed");
            Expr d = Exprs.sub(lhs.get(), rhs.get());
            Optional<AffineForm> form = AffineForm.of(d, x);
            if (form.isEmpty() || form.get().radial()) {
                return Attempt.declined("the equation is not linear in " + x.name() + " (not of the form C*" + x.name() + " + r = 0 with C, r free of it)");
            }
            AffineForm a = form.get();
            Expr c = ctx.simplify(a.scalarPart());
            if (!a.hasMatrixPart() && Exprs.isZero(c)) {
                return Attempt.declined("after collecting the terms, " + x.name() + " drops out of the equation");
            }
            steps.add(Step.explained("equation", new Relation(RelOp.EQ, Tidy.of(lhs.get(), ctx), Tidy.of(rhs.get(), ctx), Pos.NONE),
                    "write out the definitions; the equation is linear in ", x));
            Expr minusRest = Exprs.neg(a.rest());
            Expr value;
            if (!a.hasMatrixPart()) {
                Optional<List<Object>> nonzero = provenNonzero(c, p, ctx);
                if (nonzero.isEmpty()) {
                    return Attempt.declined("the coefficient " + derivcheck.expr.TextPrinter.print(c) + " of " + x.name()
                            + " is not known to be nonzero (state its sign with 'assume' or 'where')");
                }
                List<Object> why = new ArrayList<>(List.of("collect the terms in ", x, "; the coefficient is "));
                why.addAll(nonzero.get());
                steps.add(Step.explained("collect", List.of(new Relation(RelOp.EQ, Exprs.mul(c, x), Tidy.of(minusRest, ctx), Pos.NONE)),
                        why.toArray()));
                value = Tidy.of(Exprs.mul(List.of(Exprs.pow(c, Num.MINUS_ONE), minusRest), Pos.NONE), ctx);
            } else {
                // C = c·I + Σ M_k, scaled by 1/(coefficient of the first matrix term) to clear denominators
                List<Expr> parts = a.matrixParts();
                Expr lead = derivcheck.algebra.LinearCombination.of(parts.get(0)).asTerms().get(0).coefficient();
                Expr scale = ctx.simplify(Exprs.pow(lead, Num.MINUS_ONE));
                List<Expr> cParts = new ArrayList<>();
                for (Expr m : parts) cParts.add(Exprs.mul(scale, m));
                if (!Exprs.isZero(c)) {
                    cParts.add(Exprs.mul(List.of(ctx.simplify(Exprs.mul(scale, c)), new Identity(x.shape().rows(), Pos.NONE)), Pos.NONE));
                }
                Expr matrix = Tidy.of(Exprs.add(cParts, Pos.NONE), ctx);
                Expr rhsValue = Tidy.of(Exprs.mul(scale, minusRest), ctx);
                Optional<List<Object>> invertible = provenInvertible(c, parts, matrix, p, ctx);
                if (invertible.isEmpty()) {
                    return Attempt.declined("the matrix " + derivcheck.expr.TextPrinter.print(matrix) + " of the equation is not known to be"
                            + " invertible (declare its matrices positive definite or invertible, or state the signs that make it so)");
                }
                List<Object> why = new ArrayList<>(List.of("collect the terms in ", x, "; the matrix is invertible: "));
                why.addAll(invertible.get());
                steps.add(Step.explained("collect", List.of(new Relation(RelOp.EQ, Exprs.mul(matrix, x), rhsValue, Pos.NONE)),
                        why.toArray()));
                value = Exprs.mul(List.of(new Inverse(matrix, Pos.NONE), rhsValue), Pos.NONE);
            }
            steps.add(Step.explained("solve", new Relation(RelOp.EQ, x, value, Pos.NONE), "the unique solution for ", x));
            results.add(Result.of(x, value));
        }
        return new Attempt.Derived(steps, results);
    }

    /** Why a scalar is nonzero (its sign is proven), or empty. */
    private static Optional<List<Object>> provenNonzero(Expr c, Problem p, DeriveContext ctx) {
        Definiteness.Verdict v = Definiteness.of(c, List.of(), p, ctx);
        if (v.kind() == Definiteness.Kind.PD) return Optional.of(why("positive", v));
        if (v.kind() == Definiteness.Kind.ND) return Optional.of(why("negative", v));
        return Optional.empty();
    }

    /** Why C = c·I + Σ M_k is invertible (definite, or one matrix declared invertible), or empty. */
    private static Optional<List<Object>> provenInvertible(Expr c, List<Expr> parts, Expr matrix, Problem p, DeriveContext ctx) {
        Definiteness.Verdict v = Definiteness.of(c, parts, p, ctx);
        if (v.kind() == Definiteness.Kind.PD || v.kind() == Definiteness.Kind.ND) return Optional.of(why("it is " + v.kind().words, v));
        if (matrix instanceof Sym m && p.isInvertible(m)) return Optional.of(List.of(m, " is declared invertible"));
        return Optional.empty();
    }

    /** The verdict's words and then its reasons, as explanation parts (the quantities stay expressions). */
    private static List<Object> why(String words, Definiteness.Verdict v) {
        List<Object> out = new ArrayList<>(List.of(words));
        for (int k = 0; k < v.because().size(); k++) {
            out.add(k == 0 ? " (" : "; ");
            out.addAll(v.because().get(k));
        }
        if (!v.because().isEmpty()) out.add(")");
        return out;
    }
}
