package derivcheck.derive.scalar;

import derivcheck.cas.Sign;
import derivcheck.derive.DeriveContext;
import derivcheck.expr.Apply;
import derivcheck.expr.Builtin;
import derivcheck.expr.Expr;
import derivcheck.expr.Exprs;
import derivcheck.expr.Iverson;
import derivcheck.expr.Norm;
import derivcheck.expr.Num;
import derivcheck.expr.Piecewise;
import derivcheck.expr.Pow;
import derivcheck.expr.Sym;
import derivcheck.expr.TextPrinter;
import java.util.Optional;
import java.util.Set;

/**
 * Is a scalar function of x defined and smooth on the whole domain (the context's facts)? Every
 * part that mentions x must be: a logarithm or square root of a provably positive argument, a
 * negative power of a provably nonzero base, a fractional power of a provably positive one, or a
 * function smooth on the whole line (exp, sigmoid, tanh, ...). Kinks (abs, max, sign, norms) and
 * cases are not smooth. The second-order argument of {@link SecondOrder} needs this: a pole inside
 * the interval (1/x^2 + x on (-1, 2)) splits it, and a stationary point is then no global minimizer.
 */
final class Smoothness {
    private Smoothness() {}

    private static final Set<Builtin> SMOOTH_EVERYWHERE = Set.of(Builtin.EXP, Builtin.SIGMOID, Builtin.TANH, Builtin.SIN,
            Builtin.COS, Builtin.COSH, Builtin.SINH, Builtin.ATAN, Builtin.SOFTPLUS, Builtin.ERF, Builtin.NORMCDF, Builtin.NORMPDF);

    /** Empty when e is proven smooth in x on the domain; else which part is not, in words. */
    static Optional<String> whyNot(Expr e, Sym x, DeriveContext ctx) {
        if (!Exprs.mentions(e, x.name())) return Optional.empty();
        if (e instanceof Apply a && a.fn() instanceof Builtin b) {
            Expr arg = a.args().size() == 1 ? a.args().get(0) : null;
            if (arg != null && SMOOTH_EVERYWHERE.contains(b)) return whyNot(arg, x, ctx);
            if (arg != null && (b == Builtin.LOG || b == Builtin.SQRT)) {
                if (Signs.of(arg, ctx) != Sign.POSITIVE) return Optional.of(notProven(e, arg, "positive"));
                return whyNot(arg, x, ctx);
            }
            if (arg != null && b == Builtin.LOGIT) {
                if (Signs.of(arg, ctx) != Sign.POSITIVE || Signs.of(Exprs.sub(Num.ONE, arg), ctx) != Sign.POSITIVE) {
                    return Optional.of(notProven(e, arg, "in (0, 1)"));
                }
                return whyNot(arg, x, ctx);
            }
            return Optional.of(TextPrinter.print(e) + " is not smooth everywhere (" + b.name().toLowerCase() + ")");
        }
        if (e instanceof Apply) return Optional.of(TextPrinter.print(e) + " is a function whose smoothness is not known");
        if (e instanceof Pow p) {
            if (p.base() instanceof Norm n && p.exponent() instanceof Num k && k.value().isInteger()
                    && !k.value().num().testBit(0) && k.value().signum() > 0) {
                return whyNot(n.arg(), x, ctx);
            }
            Optional<String> inBase = whyNot(p.base(), x, ctx);
            if (inBase.isPresent()) return inBase;
            Optional<String> inExponent = whyNot(p.exponent(), x, ctx);
            if (inExponent.isPresent()) return inExponent;
            boolean integer = p.exponent() instanceof Num k && k.value().isInteger();
            boolean natural = integer && ((Num) p.exponent()).value().signum() >= 0;
            if (natural) return Optional.empty();
            Sign b = Signs.of(p.base(), ctx);
            if (b == Sign.POSITIVE) return Optional.empty();
            if (integer && b == Sign.NEGATIVE) return Optional.empty();
            return Optional.of(notProven(e, p.base(), integer ? "nonzero" : "positive"));
        }
        if (e instanceof Norm || e instanceof Piecewise || e instanceof Iverson) {
            return Optional.of(TextPrinter.print(e) + " is not smooth everywhere");
        }
        if (e instanceof derivcheck.expr.Expectation || e instanceof derivcheck.expr.Variance || e instanceof derivcheck.expr.Grad) {
            return Optional.of(TextPrinter.print(e) + " is not an explicit function");
        }
        for (Expr c : e.children()) {
            Optional<String> w = whyNot(c, x, ctx);
            if (w.isPresent()) return w;
        }
        return Optional.empty();
    }

    private static String notProven(Expr whole, Expr part, String what) {
        return TextPrinter.print(whole) + ": " + TextPrinter.print(part) + " is not proven " + what + " on the domain";
    }
}
