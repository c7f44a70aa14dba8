package derivcheck.cas;

import derivcheck.expr.Add;
import derivcheck.expr.Apply;
import derivcheck.expr.Builtin;
import derivcheck.expr.Const;
import derivcheck.expr.Expr;
import derivcheck.expr.Mul;
import derivcheck.expr.Num;
import derivcheck.expr.Pos;
import derivcheck.expr.Pow;
import derivcheck.expr.Rational;
import derivcheck.expr.UserFunc;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.IRational;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Symja to Expr over a whitelist of heads: integers and rationals, our own symbols, Pi, E,
 * Plus, Times, Power, Log (one argument), Sign, Abs, Tanh, Sin, Cos, LogisticSigmoid, Max, Min and
 * undefined user functions with their derivatives. Anything else (I, Infinity, floats,
 * Piecewise, ConditionalExpression, Root, ArcSin, unevaluated Solve, ...) is {@link Unsupported}.
 */
final class FromSymja {
    private final SymbolTable table;

    FromSymja(SymbolTable table) { this.table = table; }

    Expr expr(IExpr e) throws Unsupported {
        if (e.isInteger() || e.isFraction()) {
            IRational r = (IRational) e;
            return new Num(new Rational(r.toBigNumerator(), r.toBigDenominator()), Pos.NONE);
        }
        if (e.isSymbol()) return symbol(e);
        if (!e.isAST()) throw new Unsupported("Symja returned " + describe(e));
        IAST a = (IAST) e;
        IExpr head = a.head();
        int n = a.argSize();
        if (head == S.Plus && n >= 2) return new Add(all(a), Pos.NONE);
        if (head == S.Times && n >= 2) return times(a);
        if (head == S.Power && n == 2) return power(a.arg1(), a.arg2());
        if (n == 1) {
            Builtin b = unary(head);
            if (b != null) return Apply.of(b, expr(a.arg1()));
        }
        if ((head == S.Max || head == S.Min) && n >= 1) return maxMin(head == S.Max ? Builtin.MAX : Builtin.MIN, a);
        if (n == 1 && table.functionName(head).isPresent()) {
            return Apply.of(new UserFunc(table.functionName(head).get(), 0), expr(a.arg1()));
        }
        if (n == 1 && head.isAST()) {
            // Derivative(k)[f][x]
            IAST d = (IAST) head;
            if (d.argSize() == 1 && d.head().isAST() && ((IAST) d.head()).head() == S.Derivative
                    && ((IAST) d.head()).argSize() == 1 && ((IAST) d.head()).arg1().isInteger()
                    && table.functionName(d.arg1()).isPresent()) {
                int k = ((IAST) d.head()).arg1().toIntDefault();
                if (k > 0) return Apply.of(new UserFunc(table.functionName(d.arg1()).get(), k), expr(a.arg1()));
            }
        }
        throw new Unsupported("Symja returned " + describe(e));
    }

    private Expr symbol(IExpr s) throws Unsupported {
        var mine = table.exprOf(s);
        if (mine.isPresent()) return mine.get();
        if (s == S.Pi) return Const.PI;
        if (s == S.E) return Apply.of(Builtin.EXP, Num.ONE);
        throw new Unsupported("Symja returned " + describe(s));
    }

    private List<Expr> all(IAST a) throws Unsupported {
        List<Expr> out = new ArrayList<>();
        for (int i = 1; i <= a.argSize(); i++) out.add(expr(a.get(i)));
        return out;
    }

    private Expr times(IAST a) throws Unsupported {
        List<Expr> out = new ArrayList<>();
        int products = 0;
        for (int i = 1; i <= a.argSize(); i++) if (table.isProductAtom(a.get(i))) products++;
        for (int i = 1; i <= a.argSize(); i++) {
            Expr f = expr(a.get(i));
            // the non-scalar chain of one scalar product goes back into that product
            if (products == 1 && table.isProductAtom(a.get(i)) && f instanceof Mul m) out.addAll(m.factors());
            else out.add(f);
        }
        return new Mul(out, Pos.NONE);
    }

    private Expr power(IExpr base, IExpr exponent) throws Unsupported {
        if (base == S.E) return Apply.of(Builtin.EXP, expr(exponent));
        if (exponent.isFraction()) {
            IRational r = (IRational) exponent;
            if (r.toBigDenominator().equals(BigInteger.TWO) && r.toBigNumerator().bitLength() < 31) {
                Expr root = Apply.of(Builtin.SQRT, expr(base));
                int num = r.toBigNumerator().intValueExact();
                return num == 1 ? root : new Pow(root, Num.of(num), Pos.NONE);
            }
        }
        return new Pow(expr(base), expr(exponent), Pos.NONE);
    }

    private Expr maxMin(Builtin b, IAST a) throws Unsupported {
        List<Expr> args = all(a);
        if (args.size() == 1) return args.get(0);
        if (b == Builtin.MAX && args.size() == 2) {
            if (args.get(0).equals(Num.ZERO)) return Apply.of(Builtin.RELU, args.get(1));
            if (args.get(1).equals(Num.ZERO)) return Apply.of(Builtin.RELU, args.get(0));
        }
        Expr acc = args.get(0);
        for (int i = 1; i < args.size(); i++) acc = Apply.of(b, acc, args.get(i));
        return acc;
    }

    private static Builtin unary(IExpr head) {
        if (head == S.Log) return Builtin.LOG;
        if (head == S.Sign) return Builtin.SIGN;
        if (head == S.Abs) return Builtin.ABS;
        if (head == S.Tanh) return Builtin.TANH;
        if (head == S.Sin) return Builtin.SIN;
        if (head == S.Cos) return Builtin.COS;
        if (head == S.Cosh) return Builtin.COSH;
        if (head == S.Sinh) return Builtin.SINH;
        if (head == S.Tan) return Builtin.TAN;
        if (head == S.ArcTan) return Builtin.ATAN;
        if (head == S.Erf) return Builtin.ERF;
        if (head == S.LogisticSigmoid) return Builtin.SIGMOID;
        return null;
    }

    /** A short description of an unsupported result, without our internal names where possible. */
    static String describe(IExpr e) {
        IExpr h = e.isAST() ? ((IAST) e).topHead() : e;
        String what = e.isAST() ? "the function " + h : e.isNumber() ? "the number " + e : "the symbol " + e;
        return what;
    }
}
