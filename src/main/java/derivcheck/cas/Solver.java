package derivcheck.cas;

import derivcheck.expr.Expr;
import derivcheck.expr.Sym;
import org.matheclipse.core.eval.EvalEngine;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;

import java.util.ArrayList;
import java.util.List;

/**
 * Solves one scalar equation for one scalar unknown with Symja's {@code Solve} (the complex
 * solver: measured on 3.0.0, {@code Solve(..., Reals)} returns {} even for {@code 2x+y==0}).
 * Solutions that are non-real numbers are dropped; a symbolic solution with {@code I} in it, a
 * {@code ConditionalExpression} or any other unsupported head makes the whole answer Undecided (a
 * partial list could hide a real branch). Solutions that provably violate a stated fact about the
 * unknown (e.g. a negative root when the unknown is assumed positive) are dropped; the others are
 * kept, unproven. An equation that holds identically is Undecided ("every value solves it").
 */
final class Solver {
    private Solver() {}

    static Outcome<List<Expr>> run(EvalEngine engine, Expr lhs, Expr rhs, Sym unknown, Assumptions assumptions)
            throws Unsupported {
        if (!unknown.isScalar()) throw new Unsupported("the unknown " + unknown.name() + " is not a scalar");
        Translation t = new Translation();
        ISymbol x = t.table().symbol(unknown);
        IExpr l = t.scalar(lhs);
        IExpr r = t.scalar(rhs);
        for (Expr atom : t.table().entries().keySet()) {
            if (!(atom instanceof Sym) && contains(atom, unknown)) {
                throw new Unsupported("the unknown " + unknown.name() + " occurs inside an opaque subexpression");
            }
        }
        IAST facts = t.facts(assumptions);
        IExpr difference = engine.evaluate(F.Together(F.Plus(l, F.Times(F.CN1, r))));
        if (difference.isZero()) return Outcome.undecided("every value of " + unknown.name() + " solves the equation");
        if (difference.isFree(x)) {
            return Outcome.undecided("the equation does not contain " + unknown.name());
        }
        IExpr equation = F.Equal(ExpForms.of(l), ExpForms.of(r));
        IExpr solved = engine.evaluate(F.Solve(F.list(equation), F.list(x)));
        if (!solved.isList()) throw new Unsupported("Symja could not solve the equation for " + unknown.name());
        List<Expr> out = new ArrayList<>();
        List<IExpr> seen = new ArrayList<>();
        for (IExpr solution : (IAST) solved) {
            IExpr value = realBranch(engine, valueOf(solution, x));
            if (value.isNumber() && !value.isReal()) continue; // a complex number: not a real solution
            if (!value.isFree(v -> v.isComplex() || v.isComplexNumeric(), true)) {
                throw new Unsupported("Symja's solution has an imaginary part");
            }
            if (seen.contains(value)) continue;
            if (violates(engine, value, x, assumptions.about(unknown), t, facts)) continue;
            seen.add(value);
            out.add(t.back(value));
        }
        return Outcome.done(out);
    }

    private static boolean contains(Expr e, Expr part) {
        if (e.equals(part)) return true;
        for (Expr c : e.children()) if (contains(c, part)) return true;
        return false;
    }

    private static IExpr valueOf(IExpr solution, ISymbol x) throws Unsupported {
        if (solution.isList() && ((IAST) solution).argSize() == 1 && ((IAST) solution).arg1().isRuleAST()) {
            IAST rule = (IAST) ((IAST) solution).arg1();
            if (rule.arg1() == x) return rule.arg2();
        }
        throw new Unsupported("Symja returned a solution in an unexpected form");
    }

    /**
     * {@code ConditionalExpression(v + 2*I*Pi*C(1), C(1) in Integers)}, as Symja solves
     * {@code E^x == y}, has at most one real member: v (the others differ from it by nonzero
     * imaginary amounts). Only that shape is accepted; any other conditional solution (for
     * example the real family {@code ArcSin(y) + 2*Pi*C(1)}) is Unsupported.
     */
    private static IExpr realBranch(EvalEngine engine, IExpr value) throws Unsupported {
        if (!value.isAST(S.ConditionalExpression, 3)) return value;
        IAST cond = (IAST) value;
        IExpr condition = cond.arg2();
        if (!condition.isAST(S.Element, 3) || ((IAST) condition).arg2() != S.Integers
                || !((IAST) condition).arg1().isAST(S.C, 2)) {
            throw new Unsupported("Symja returned a conditional solution");
        }
        IExpr c = ((IAST) condition).arg1();
        IExpr principal = engine.evaluate(F.subst(cond.arg1(), c, F.C0));
        IExpr ratio = engine.evaluate(F.Together(F.Times(F.Plus(cond.arg1(), F.Times(F.CN1, principal)),
                F.Power(F.Times(F.C2, S.Pi, F.CI, c), F.CN1))));
        if (!ratio.isOne() || !principal.isFree(c)) throw new Unsupported("Symja returned a conditional solution");
        return principal;
    }

    /** True when Symja proves that the value breaks one of the facts stated about the unknown. */
    private static boolean violates(EvalEngine engine, IExpr value, ISymbol x, List<Assumptions.Fact> aboutUnknown,
                                    Translation t, IAST facts) throws Unsupported {
        for (Assumptions.Fact f : aboutUnknown) {
            IExpr claim = F.subst(t.fact(f), x, value);
            IExpr verdict = engine.evaluate(facts == null ? claim : F.Refine(claim, withoutUnknown(facts, x)));
            if (verdict.isFalse()) return true;
        }
        return false;
    }

    /** The facts minus those that mention the unknown (they would make every claim about it true). */
    private static IAST withoutUnknown(IAST facts, ISymbol x) {
        return facts.filter(F.ListAlloc(facts.argSize()), f -> f.isFree(x));
    }
}
