package derivcheck.cas;

import derivcheck.expr.Add;
import derivcheck.expr.Apply;
import derivcheck.expr.Builtin;
import derivcheck.expr.Const;
import derivcheck.expr.Expr;
import derivcheck.expr.Identity;
import derivcheck.expr.Inverse;
import derivcheck.expr.Mul;
import derivcheck.expr.Num;
import derivcheck.expr.Pow;
import derivcheck.expr.Rational;
import derivcheck.expr.Sym;
import derivcheck.expr.Transpose;
import derivcheck.expr.UserFunc;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IExpr;

import java.util.ArrayList;
import java.util.List;

/**
 * Expr to Symja, built node by node with {@code F.*} constructors (never through Symja's parser).
 * Only scalar algebra crosses: numbers, pi, scalar symbols, +, *, ^ and the scalar built-ins.
 * Every other scalar subexpression (norms, inner products, entries, sums, expectations,
 * piecewise values, Iverson brackets, scalar gradients, reductions of vectors) becomes an opaque
 * atom symbol that maps back to the very same Expr. Nothing is evaluated here.
 */
final class ToSymja {
    /** Numbers beyond this many bits are refused: they only feed Symja's plain-Java integer loops. */
    static final int MAX_BITS = 4096;

    private final SymbolTable table;

    ToSymja(SymbolTable table) { this.table = table; }

    SymbolTable table() { return table; }

    static IExpr number(Rational r) throws Unsupported {
        if (r.num().bitLength() > MAX_BITS || r.den().bitLength() > MAX_BITS) {
            throw new Unsupported("a number with more than " + MAX_BITS + " bits");
        }
        if (r.isInteger()) return F.ZZ(r.num());
        return F.QQ(F.ZZ(r.num()), F.ZZ(r.den()));
    }

    /** The Symja form of a scalar expression. */
    IExpr scalar(Expr e) throws Unsupported {
        if (!e.isScalar()) throw new Unsupported("not a scalar: " + e.shape());
        if (e instanceof Num n) return number(n.value());
        if (e instanceof Const) return S.Pi;
        if (e instanceof Sym s) return table.symbol(s);
        if (e instanceof Add a) {
            IExpr[] t = new IExpr[a.terms().size()];
            for (int i = 0; i < t.length; i++) t[i] = scalar(a.terms().get(i));
            return F.Plus(t);
        }
        if (e instanceof Mul m) return product(m);
        if (e instanceof Pow p) return F.Power(scalar(p.base()), scalar(p.exponent()));
        if (e instanceof Apply ap) return apply(ap);
        if (e instanceof Transpose t) return scalar(t.arg()); // the transpose of a scalar is itself
        if (e instanceof Inverse || e instanceof Identity || e instanceof derivcheck.expr.Ones) throw new Unsupported("not a scalar: " + e);
        // Norm, Inner, Index, Sum, Piecewise, Iverson, Expectation, Variance, Grad: opaque.
        return table.atom(e);
    }

    private IExpr product(Mul m) throws Unsupported {
        List<IExpr> scalars = new ArrayList<>();
        List<Expr> chain = new ArrayList<>();
        for (Expr f : m.factors()) {
            if (f.isScalar()) scalars.add(scalar(f));
            else chain.add(f);
        }
        if (!chain.isEmpty()) {
            if (chain.size() < 2) throw new Unsupported("a product with one non-scalar factor is not a scalar");
            Expr rest = new Mul(chain, m.pos());
            if (!rest.isScalar()) throw new Unsupported("not a scalar: " + rest.shape());
            scalars.add(table.productAtom(rest));
        }
        if (scalars.size() == 1) return scalars.get(0);
        return F.Times(scalars.toArray(new IExpr[0]));
    }

    private IExpr apply(Apply ap) throws Unsupported {
        if (ap.fn() instanceof UserFunc u) {
            IExpr arg = scalar(ap.args().get(0));
            IExpr f = table.function(u.name());
            if (u.derivative() == 0) return F.unaryAST1(f, arg);
            return F.unaryAST1(F.unaryAST1(F.Derivative(F.ZZ(u.derivative())), f), arg);
        }
        Builtin b = (Builtin) ap.fn();
        for (Expr a : ap.args()) {
            if (!a.isScalar()) return table.atom(ap); // sum(x), trace(A), max(x): reductions stay opaque
        }
        List<IExpr> args = new ArrayList<>();
        for (Expr a : ap.args()) args.add(scalar(a));
        IExpr x = args.get(0);
        return switch (b) {
            case LOG -> F.Log(x);
            case EXP -> F.Exp(x);
            case SQRT -> F.Sqrt(x);
            case SIGN -> F.Sign(x);
            case ABS -> F.Abs(x);
            case SIGMOID -> F.LogisticSigmoid(x);
            case LOGIT -> F.Log(F.Times(x, F.Power(F.Plus(F.C1, F.Times(F.CN1, x)), F.CN1)));
            case TANH -> F.Tanh(x);
            case SIN -> F.Sin(x);
            case COS -> F.Cos(x);
            case COSH -> F.Cosh(x);
            case SINH -> F.Sinh(x);
            case TAN -> F.Tan(x);
            case ATAN -> F.ArcTan(x);
            // written with the heads we already trust, so that nothing new reaches the evaluator
            case SOFTPLUS -> F.Log(F.Plus(F.C1, F.Exp(x)));
            case LOG1P -> F.Log(F.Plus(F.C1, x));
            case ERF -> F.Erf(x);
            case NORMCDF -> F.Times(F.C1D2, F.Plus(F.C1, F.Erf(F.Times(x, F.Power(F.C2, F.CN1D2)))));
            case NORMPDF -> F.Times(F.Power(F.Times(F.C2, F.Pi), F.CN1D2), F.Exp(F.Times(F.CN1D2, F.Sqr(x))));
            case RELU -> F.Max(F.C0, x);
            case MAX -> args.size() == 2 ? F.Max(x, args.get(1)) : x;
            case MIN -> args.size() == 2 ? F.Min(x, args.get(1)) : x;
            case HADAMARD -> F.Times(x, args.get(1));
            case EDIVIDE -> F.Times(x, F.Power(args.get(1), F.CN1));
            case SOFTMAX, LOGSUMEXP, SUM, TRACE, SV, LOWRANK, DIAG, ARGMAX -> throw new Unsupported(b.spelling() + " of a scalar");
        };
    }
}
