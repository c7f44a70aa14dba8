package derivcheck.derive.optimization;

import derivcheck.expr.Add;
import derivcheck.expr.Apply;
import derivcheck.expr.Builtin;
import derivcheck.expr.Expr;
import derivcheck.expr.Exprs;
import derivcheck.expr.Index;
import derivcheck.expr.Inner;
import derivcheck.expr.Mul;
import derivcheck.expr.Norm;
import derivcheck.expr.NormKind;
import derivcheck.expr.Num;
import derivcheck.expr.Pos;
import derivcheck.expr.Pow;
import derivcheck.expr.Sum;
import derivcheck.expr.Sym;
import derivcheck.expr.TextPrinter;
import derivcheck.expr.Transpose;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Writes an objective as a sum over coordinates, f(x) = Σ_i φ(x_i, …) + const, when it is one:
 * inner products and squared norms split by coordinate, 1-norms into |x_i|, sums over the
 * vector's index range give their body, and terms free of x are constants.
 */
final class Separation {
    private Separation() {}

    /** φ at index i (the constant part dropped), or empty when f does not separate in x. */
    static Optional<Expr> perCoordinate(Expr f, Sym x, Sym i) {
        if (!Exprs.mentions(f, x.name())) return Optional.of(Num.ZERO);
        if (f instanceof Add a) {
            List<Expr> parts = new ArrayList<>();
            for (Expr t : a.terms()) {
                Optional<Expr> p = perCoordinate(t, x, i);
                if (p.isEmpty()) return Optional.empty();
                parts.add(p.get());
            }
            return Optional.of(Exprs.add(parts, Pos.NONE));
        }
        if (f instanceof Mul m) {
            List<Expr> nonScalar = m.factors().stream().filter(e -> !e.isScalar()).toList();
            if (nonScalar.size() == 2 && nonScalar.get(0) instanceof Transpose t) {
                List<Expr> scalars = new ArrayList<>(m.factors().stream().filter(Expr::isScalar).toList());
                if (scalars.stream().anyMatch(s -> Exprs.mentions(s, x.name()))) return Optional.empty();
                Optional<Expr> p = perCoordinate(new Inner(t.arg(), nonScalar.get(1), Pos.NONE), x, i);
                if (p.isEmpty()) return Optional.empty();
                scalars.add(p.get());
                return Optional.of(Exprs.mul(scalars, Pos.NONE));
            }
            if (!nonScalar.isEmpty()) return Optional.empty();
            List<Expr> free = new ArrayList<>();
            Expr dependent = null;
            for (Expr e : m.factors()) {
                if (!Exprs.mentions(e, x.name())) free.add(e);
                else if (dependent == null) dependent = e;
                else return Optional.empty();
            }
            Optional<Expr> p = perCoordinate(dependent, x, i);
            if (p.isEmpty()) return Optional.empty();
            free.add(p.get());
            return Optional.of(Exprs.mul(free, Pos.NONE));
        }
        if (f instanceof Inner in) {
            Optional<Expr> a = entry(in.left(), i);
            Optional<Expr> b = entry(in.right(), i);
            if (a.isEmpty() || b.isEmpty()) return Optional.empty();
            return Optional.of(Exprs.mul(a.get(), b.get()));
        }
        if (f instanceof Pow p && p.base() instanceof Norm n && n.kind() == NormKind.L2
                && p.exponent() instanceof Num k && k.value().equals(derivcheck.expr.Rational.of(2))) {
            return entry(n.arg(), i).map(Exprs::sq);
        }
        if (f instanceof Norm n && n.kind() == NormKind.L1) {
            return entry(n.arg(), i).map(e -> new Apply(Builtin.ABS, List.of(e), Pos.NONE));
        }
        if (f instanceof Apply a && a.fn() == Builtin.SUM) return entry(a.args().get(0), i);
        if (f instanceof Sum s && s.lo() instanceof Num lo && lo.value().isOne()
                && TextPrinter.print(s.hi()).equals(x.shape().rows().toString())) {
            return Optional.of(Exprs.substitute(s.body(), s.index(), i));
        }
        return Optional.empty();
    }

    /** Entry i of a vector expression that is entrywise in its vectors. */
    static Optional<Expr> entry(Expr v, Sym i) {
        if (v.isScalar()) return Optional.of(v);
        if (v instanceof Sym s && s.shape().isVector()) return Optional.of(new Index(s, List.of(i), Pos.NONE));
        if (v instanceof Add a) {
            List<Expr> parts = new ArrayList<>();
            for (Expr t : a.terms()) {
                Optional<Expr> e = entry(t, i);
                if (e.isEmpty()) return Optional.empty();
                parts.add(e.get());
            }
            return Optional.of(Exprs.add(parts, Pos.NONE));
        }
        if (v instanceof Mul m) {
            List<Expr> out = new ArrayList<>();
            int vectors = 0;
            for (Expr f : m.factors()) {
                if (f.isScalar()) { out.add(f); continue; }
                if (!f.shape().isVector() || ++vectors > 1) return Optional.empty();
                Optional<Expr> e = entry(f, i);
                if (e.isEmpty()) return Optional.empty();
                out.add(e.get());
            }
            return Optional.of(Exprs.mul(out, Pos.NONE));
        }
        if (v instanceof Apply a && a.fn() instanceof Builtin b && b.entrywiseBinary()) {
            // (x .* y)_i = x_i*y_i, (x ./ y)_i = x_i/y_i; a scalar side is broadcast
            List<Expr> args = new ArrayList<>();
            for (Expr arg : a.args()) {
                Optional<Expr> e = arg.isScalar() ? Optional.of(arg) : entry(arg, i);
                if (e.isEmpty()) return Optional.empty();
                args.add(e.get());
            }
            return Optional.of(b == Builtin.HADAMARD ? Exprs.mul(args, Pos.NONE) : Exprs.div(args.get(0), args.get(1)));
        }
        if (v instanceof Apply a && a.fn() instanceof Builtin b && (b.entrywise() || b == Builtin.MAX || b == Builtin.MIN)) {
            List<Expr> args = new ArrayList<>();
            for (Expr arg : a.args()) {
                Optional<Expr> e = entry(arg, i);
                if (e.isEmpty()) return Optional.empty();
                args.add(e.get());
            }
            return Optional.of(new Apply(b, args, Pos.NONE));
        }
        if (v instanceof Index ix && ix.indices().size() == 1 && ix.base().shape().isMatrix()) {
            return Optional.of(new Index(ix.base(), List.of(ix.indices().get(0), i), Pos.NONE));
        }
        return Optional.empty();
    }
}
