package derivcheck.derive.identities;

import derivcheck.derive.Names;
import derivcheck.expr.Apply;
import derivcheck.expr.Builtin;
import derivcheck.expr.Expectation;
import derivcheck.expr.Expr;
import derivcheck.expr.Exprs;
import derivcheck.expr.Num;
import derivcheck.expr.Pos;
import derivcheck.expr.RelOp;
import derivcheck.expr.Relation;
import derivcheck.expr.Shape;
import derivcheck.expr.Sym;
import derivcheck.expr.SymKind;
import derivcheck.expr.Variance;
import derivcheck.model.Problem;

/**
 * The general rules that explanations quote (Var[XY] = …, log(ab) = …), built as expressions over
 * placeholder letters the problem does not use, so that every printer sets them like the formulas
 * beside them (the sheet in LaTeX math, the terminal in the spec syntax).
 */
public final class RuleFormulas {
    private RuleFormulas() {}

    private static Sym random(Problem p, String base) {
        return new Sym(Names.fresh(p, base), Shape.SCALAR, SymKind.RANDOM, Pos.NONE);
    }

    private static Sym scalar(Problem p, String base) { return Names.scalar(Names.fresh(p, base)); }

    private static Expr e(Expr x) { return new Expectation(x, Pos.NONE); }

    private static Expr var(Expr x) { return new Variance(x, Pos.NONE); }

    private static Expr sq(Expr x) { return Exprs.pow(x, Num.of(2)); }

    private static Relation eq(Expr a, Expr b) { return new Relation(RelOp.EQ, a, b, Pos.NONE); }

    /** The variance of a product of independent X and Y: Var[XY] = E[X²]E[Y²] − E[X]²E[Y]². */
    public static Object[] productVariance(Problem p) {
        Sym x = random(p, "X"), y = random(p, "Y");
        Relation rule = eq(var(Exprs.mul(x, y)), Exprs.sub(Exprs.mul(e(sq(x)), e(sq(y))), Exprs.mul(sq(e(x)), sq(e(y)))));
        return new Object[] {"for independent ", x, " and ", y, ", ", rule, " (", Exprs.mul(var(x), var(y)),
            " only when both means are 0)"};
    }

    /** E[Z²] = Var[Z] + E[Z]². */
    static Relation secondMoment(Problem p) {
        Sym z = random(p, "Z");
        return eq(e(sq(z)), Exprs.add(var(z), sq(e(z))));
    }

    /** log(ab) = log a + log b and log(a/b) = log a − log b. */
    static Object[] logRules(Problem p) {
        Sym a = scalar(p, "a"), b = scalar(p, "b");
        Expr la = Apply.of(Builtin.LOG, a), lb = Apply.of(Builtin.LOG, b);
        return new Object[] {eq(Apply.of(Builtin.LOG, Exprs.mul(a, b)), Exprs.add(la, lb)), ", ",
            eq(Apply.of(Builtin.LOG, Exprs.div(a, b)), Exprs.sub(la, lb))};
    }
}
