package derivcheck.derive.identities;

import derivcheck.algebra.Expansion;
import derivcheck.algebra.Term;
import derivcheck.cas.ZeroTest;
import derivcheck.derive.DeriveContext;
import derivcheck.derive.Facts;
import derivcheck.expr.Apply;
import derivcheck.expr.Builtin;
import derivcheck.expr.Expr;
import derivcheck.expr.Exprs;
import derivcheck.expr.Mul;
import derivcheck.expr.Num;
import derivcheck.expr.Pos;
import derivcheck.expr.Pow;
import derivcheck.expr.Sym;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Stationarity equations with logarithms that a CAS does not solve directly (seed 000 A3,
 * 001 A11): split logs of products and quotients (arguments positive on the domain), collect
 * α·log(x) − α·log(1−x) + β = 0, which is logit(x) = −β/α, so x = sigmoid(−β/α); or
 * α·log(x) + β = 0, so x = exp(−β/α). Results are written back with logit where they can be.
 */
public final class LogRules {
    private LogRules() {}

    /** The closed-form root, or empty when the equation is not of these forms. */
    public static Optional<Expr> solve(Expr lhs, Sym x, DeriveContext ctx) {
        Expr split = splitLogs(lhs);
        Expr alphaX = Num.ZERO;
        Expr alphaOneMinusX = Num.ZERO;
        List<Expr> beta = new ArrayList<>();
        for (Term t : Expansion.expand(split)) {
            if (!Exprs.mentions(t.coefficient(), x.name())) {
                beta.add(t.coefficient());
                continue;
            }
            Optional<LogFactor> lf = logFactor(t.coefficient(), x);
            if (lf.isEmpty()) return Optional.empty();
            Expr arg = lf.get().arg();
            if (isZero(Exprs.sub(arg, x), ctx)) alphaX = Exprs.add(alphaX, lf.get().coefficient());
            else if (isZero(Exprs.sub(arg, Exprs.sub(Num.ONE, x)), ctx)) alphaOneMinusX = Exprs.add(alphaOneMinusX, lf.get().coefficient());
            else return Optional.empty();
        }
        Expr b = beta.isEmpty() ? Num.ZERO : Exprs.add(beta, Pos.NONE);
        Expr a = ctx.simplify(alphaX);
        if (isZero(a, ctx)) return Optional.empty();
        Expr rhs = ctx.simplify(Exprs.neg(Exprs.mul(b, Exprs.pow(a, Num.MINUS_ONE))));
        rhs = foldLogit(splitLogs(rhs), ctx);
        if (isZero(Exprs.add(a, alphaOneMinusX), ctx)) {
            return Optional.of(derivcheck.algebra.Canonical.atoms(new Apply(Builtin.SIGMOID, List.of(rhs), Pos.NONE)));
        }
        if (isZero(alphaOneMinusX, ctx)) return Optional.of(new Apply(Builtin.EXP, List.of(rhs), Pos.NONE));
        return Optional.empty();
    }

    private record LogFactor(Expr coefficient, Expr arg) {}

    /** c·log(u) with c free of x, as (c, u). */
    private static Optional<LogFactor> logFactor(Expr e, Sym x) {
        List<Expr> fs = e instanceof Mul m ? m.factors() : List.of(e);
        Expr log = null;
        List<Expr> rest = new ArrayList<>();
        for (Expr f : fs) {
            if (f instanceof Apply a && a.fn() == Builtin.LOG && Exprs.mentions(a, x.name()) && log == null) log = a.args().get(0);
            else if (Exprs.mentions(f, x.name())) return Optional.empty();
            else rest.add(f);
        }
        if (log == null) return Optional.empty();
        return Optional.of(new LogFactor(rest.isEmpty() ? Num.ONE : Exprs.mul(rest, Pos.NONE), log));
    }

    /** log(a·b/c) = log a + log b − log c; log(a^k) = k·log a (for positive arguments). */
    static Expr splitLogs(Expr e) {
        return Exprs.transform(e, x -> {
            if (x instanceof Apply a && a.fn() == Builtin.LOG) {
                Expr arg = splitLogs(a.args().get(0));
                List<Expr> fs = arg instanceof Mul m ? m.factors() : List.of(arg);
                if (fs.size() == 1 && !(arg instanceof Pow)) return new Apply(Builtin.LOG, List.of(arg), a.pos());
                List<Expr> parts = new ArrayList<>();
                for (Expr f : fs) {
                    if (f instanceof Pow p && p.base().isScalar()) {
                        parts.add(Exprs.mul(p.exponent(), splitLogs(new Apply(Builtin.LOG, List.of(p.base()), a.pos()))));
                    } else if (f instanceof Num n && n.value().signum() > 0 && !n.value().isInteger()) {
                        parts.add(Exprs.sub(new Apply(Builtin.LOG, List.of(Exprs.num(new derivcheck.expr.Rational(n.value().num(), java.math.BigInteger.ONE))), a.pos()),
                                new Apply(Builtin.LOG, List.of(Exprs.num(new derivcheck.expr.Rational(n.value().den(), java.math.BigInteger.ONE))), a.pos())));
                    } else {
                        parts.add(new Apply(Builtin.LOG, List.of(f), a.pos()));
                    }
                }
                return Exprs.add(parts, Pos.NONE);
            }
            return null;
        });
    }

    /**
     * The log rules where they hold: log(a·b) = log a + log b, log(a/b) = log a − log b,
     * log(a^k) = k·log a and log(exp(u)) = u, applied only when every factor is known to be
     * positive ({@link #positive}); a log whose factors are not all known positive stays as it is.
     * Used by identity proofs, where an argument may be anything (unlike {@link #splitLogs}, which
     * serves stationarity equations on a positive domain).
     */
    static Expr splitPositiveLogs(Expr e, derivcheck.model.Problem p, DeriveContext ctx) {
        return Exprs.transform(e, x -> {
            if (!(x instanceof Apply a && a.fn() == Builtin.LOG && a.isScalar())) return null;
            Expr arg = splitPositiveLogs(a.args().get(0), p, ctx);
            if (arg instanceof Apply ex && ex.fn() == Builtin.EXP) return ex.args().get(0);
            List<Expr> fs = arg instanceof Mul m ? m.factors() : List.of(arg);
            if (fs.size() == 1 && !(arg instanceof Pow)) return new Apply(Builtin.LOG, List.of(arg), a.pos());
            List<Expr> parts = new ArrayList<>();
            for (Expr f : fs) {
                Expr base = f instanceof Pow pw ? pw.base() : f;
                if (!base.isScalar() || !positive(base, p, ctx)) return new Apply(Builtin.LOG, List.of(arg), a.pos());
            }
            for (Expr f : fs) {
                if (f instanceof Pow pw) {
                    parts.add(Exprs.mul(pw.exponent(), splitPositiveLogs(new Apply(Builtin.LOG, List.of(pw.base()), a.pos()), p, ctx)));
                } else {
                    parts.add(splitPositiveLogs(new Apply(Builtin.LOG, List.of(f), a.pos()), p, ctx));
                }
            }
            return Exprs.add(parts, Pos.NONE);
        });
    }

    /**
     * Known positive: a positive number; exp, sigmoid and softmax entries; an entry of a vector
     * whose domain lies in (0, …) or [c, …) with c > 0; a scalar the facts make positive; sums,
     * products and powers of positive parts. False means "not known", not "not positive".
     */
    static boolean positive(Expr e, derivcheck.model.Problem p, DeriveContext ctx) {
        if (e instanceof Num n) return n.value().signum() > 0;
        if (e instanceof Apply a) {
            if (a.fn() == Builtin.EXP || a.fn() == Builtin.SIGMOID) return true;
            if (a.fn() == Builtin.SUM && a.args().get(0) instanceof Apply in && in.fn() == Builtin.SOFTMAX) return true;
            if (a.fn() == Builtin.SQRT || a.fn() == Builtin.ABS) return false;
        }
        if (e instanceof derivcheck.expr.Index ix && !ix.base().isScalar()) {
            Expr b = ix.base();
            if (b instanceof Apply a && (a.fn() == Builtin.SOFTMAX || a.fn() == Builtin.EXP || a.fn() == Builtin.SIGMOID)) return true;
            if (b instanceof Sym s) {
                Optional<derivcheck.model.Domain> d = Facts.domain(p, s);
                if (d.isPresent() && d.get().lo().isPresent() && d.get().lo().get() instanceof Num lo) {
                    return lo.value().signum() > 0 || (lo.value().isZero() && d.get().loOpen());
                }
            }
            return false;
        }
        if (e instanceof derivcheck.expr.Add add) {
            for (Expr t : add.terms()) if (!positive(t, p, ctx)) return false;
            return true;
        }
        if (e instanceof Mul m) {
            for (Expr f : m.factors()) if (!positive(f, p, ctx)) return false;
            return true;
        }
        if (e instanceof Pow pw) return positive(pw.base(), p, ctx);
        if (e instanceof derivcheck.expr.Sum sum) return positive(sum.body(), p, ctx) && knownNonEmpty(sum, ctx);
        if (e.isScalar() && !Exprs.anyNode(e, x -> x instanceof derivcheck.expr.Index || x instanceof derivcheck.expr.Sum)) {
            return ctx.cas().sign(e, ctx.assumptions()).orElse(derivcheck.cas.Sign.UNKNOWN) == derivcheck.cas.Sign.POSITIVE;
        }
        return false;
    }

    /** sum(i = 1..n, …) over a dimension n ≥ 1 has at least one term. */
    private static boolean knownNonEmpty(derivcheck.expr.Sum s, DeriveContext ctx) {
        return s.lo() instanceof Num lo && lo.value().equals(derivcheck.expr.Rational.ONE)
                && s.hi() instanceof Sym hi && hi.kind() == derivcheck.expr.SymKind.DIM;
    }

    /** k·log(a) − k·log(1 − a) → k·logit(a). */
    static Expr foldLogit(Expr e, DeriveContext ctx) {
        List<Term> terms = new ArrayList<>(Expansion.expand(e));
        List<Expr> out = new ArrayList<>();
        boolean[] used = new boolean[terms.size()];
        for (int i = 0; i < terms.size(); i++) {
            if (used[i]) continue;
            Optional<LogFactor> li = anyLog(terms.get(i).coefficient());
            boolean folded = false;
            if (li.isPresent()) {
                for (int j = 0; j < terms.size() && !folded; j++) {
                    if (j == i || used[j]) continue;
                    Optional<LogFactor> lj = anyLog(terms.get(j).coefficient());
                    if (lj.isEmpty()) continue;
                    boolean oneMinus = isZero(Exprs.sub(lj.get().arg(), Exprs.sub(Num.ONE, li.get().arg())), ctx);
                    boolean opposite = isZero(Exprs.add(li.get().coefficient(), lj.get().coefficient()), ctx);
                    if (oneMinus && opposite) {
                        // k*log(a) - k*log(1-a) = k*logit(a); write it with the positive coefficient
                        LogFactor lead = li.get().coefficient() instanceof Num n && n.value().signum() < 0 ? lj.get() : li.get();
                        Expr logit = derivcheck.algebra.Canonical.atoms(new Apply(Builtin.LOGIT, List.of(lead.arg()), Pos.NONE));
                        out.add(Exprs.mul(lead.coefficient(), logit));
                        used[i] = used[j] = true;
                        folded = true;
                    }
                }
            }
            if (!folded) out.add(terms.get(i).coefficient());
        }
        return out.isEmpty() ? Num.ZERO : Exprs.add(out, Pos.NONE);
    }

    private static Optional<LogFactor> anyLog(Expr e) {
        List<Expr> fs = e instanceof Mul m ? m.factors() : List.of(e);
        Expr log = null;
        List<Expr> rest = new ArrayList<>();
        for (Expr f : fs) {
            if (f instanceof Apply a && a.fn() == Builtin.LOG && log == null) log = a.args().get(0);
            else rest.add(f);
        }
        if (log == null) return Optional.empty();
        return Optional.of(new LogFactor(rest.isEmpty() ? Num.ONE : Exprs.mul(rest, Pos.NONE), log));
    }

    private static boolean isZero(Expr e, DeriveContext ctx) {
        if (Exprs.isZero(e)) return true;
        return ctx.cas().isZero(e, ctx.assumptions()).orElse(ZeroTest.UNKNOWN) == ZeroTest.ZERO;
    }
}
