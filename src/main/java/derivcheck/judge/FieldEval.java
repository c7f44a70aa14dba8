package derivcheck.judge;

import derivcheck.expr.Add;
import derivcheck.expr.Apply;
import derivcheck.expr.Builtin;
import derivcheck.expr.Const;
import derivcheck.expr.Expr;
import derivcheck.expr.Identity;
import derivcheck.expr.Index;
import derivcheck.expr.Inner;
import derivcheck.expr.Inverse;
import derivcheck.expr.Iverson;
import derivcheck.expr.Mul;
import derivcheck.expr.Norm;
import derivcheck.expr.NormKind;
import derivcheck.expr.Num;
import derivcheck.expr.Piecewise;
import derivcheck.expr.Pow;
import derivcheck.expr.Rational;
import derivcheck.expr.Relation;
import derivcheck.expr.Shape;
import derivcheck.expr.Sum;
import derivcheck.expr.Sym;
import derivcheck.expr.SymKind;
import derivcheck.expr.Transpose;
import derivcheck.limits.Deadline;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Evaluates an {@link Expr} at concrete sizes in one {@link Field}: scalars, vectors and
 * matrices; sums, ordered products, integer powers (negative ones by inversion), inverses by
 * Gaussian elimination, inner products, transposes, entries, index sums and Iverson brackets with
 * concrete bounds. Names defined by a `let` are evaluated from their definitions; other names
 * take their values from {@code base}. What the field cannot do throws {@link Decline}; a value
 * that does not exist (1/0, a singular inverse, log of a negative) throws {@link Undefined}.
 */
final class FieldEval<T> {
    private final Field<T> f;
    private final Map<String, Integer> sizes;
    private final Function<Sym, Block<T>> base;
    private final Function<String, Optional<Expr>> definitions;
    private final Map<String, Integer> ints = new HashMap<>();
    private final Map<String, Block<T>> defined = new HashMap<>();
    private int steps;

    FieldEval(Field<T> f, Map<String, Integer> sizes, Function<Sym, Block<T>> base, Function<String, Optional<Expr>> definitions) {
        this.f = f;
        this.sizes = sizes;
        this.base = base;
        this.definitions = definitions;
    }

    /** Binds an index (of an entrywise claim) to an integer. */
    FieldEval<T> index(String name, int value) {
        ints.put(name, value);
        return this;
    }

    Block<T> eval(Expr e) {
        if (++steps % 256 == 0) Deadline.current().check();
        if (e instanceof Num n) return Block.scalar(f.of(n.value()));
        if (e instanceof Const) return Block.scalar(f.pi());
        if (e instanceof Sym s) return symbol(s);
        if (e instanceof Add a) {
            Block<T> acc = eval(a.terms().get(0));
            for (int i = 1; i < a.terms().size(); i++) acc = add(acc, eval(a.terms().get(i)));
            return acc;
        }
        if (e instanceof Mul m) return product(m);
        if (e instanceof Pow p) return power(p);
        if (e instanceof Inner in) {
            Block<T> l = eval(in.left()), r = eval(in.right());
            if (l.size() != r.size()) throw new Decline("an inner product of different sizes");
            T s = f.of(Rational.ZERO);
            for (int i = 0; i < l.size(); i++) s = f.add(s, f.mul(l.at(i), r.at(i)));
            return Block.scalar(s);
        }
        if (e instanceof Transpose t) return transpose(eval(t.arg()));
        if (e instanceof Inverse i) return inverse(eval(i.arg()));
        if (e instanceof Identity id) {
            int n = id.n().evaluate(sizes);
            Object[] d = new Object[n * n];
            for (int r = 0; r < n; r++) for (int c = 0; c < n; c++) d[r * n + c] = f.of(r == c ? Rational.ONE : Rational.ZERO);
            return Block.of(n, n, d);
        }
        if (e instanceof derivcheck.expr.Ones o) {
            int n = o.n().evaluate(sizes);
            Object[] d = new Object[n];
            java.util.Arrays.fill(d, f.of(Rational.ONE));
            return Block.of(n, 1, d);
        }
        if (e instanceof Index ix) return entry(ix);
        if (e instanceof Sum s) return sum(s);
        if (e instanceof Iverson iv) {
            for (Relation r : iv.conditions()) if (!holds(r)) return Block.scalar(f.of(Rational.ZERO));
            return Block.scalar(f.of(Rational.ONE));
        }
        if (e instanceof Piecewise pw) {
            for (Piecewise.Arm arm : pw.arms()) {
                boolean all = true;
                for (Relation r : arm.guard()) if (!holds(r)) { all = false; break; }
                if (all) return eval(arm.value());
            }
            throw new Undefined("no case of the cases applies");
        }
        if (e instanceof Apply a) return apply(a);
        if (e instanceof Norm n) return norm(n);
        throw new Decline(e.getClass().getSimpleName() + " has no value in " + f.name() + " arithmetic");
    }

    // ---------------------------------------------------------------- names

    private Block<T> symbol(Sym s) {
        if (s.kind() == SymKind.INDEX || ints.containsKey(s.name())) {
            Integer v = ints.get(s.name());
            if (v == null) throw new Decline("the index " + s.name() + " is not bound");
            return Block.scalar(f.of(Rational.of(v)));
        }
        if (s.kind() == SymKind.DIM) {
            Integer v = sizes.get(s.name());
            if (v == null) throw new Decline("no size for " + s.name());
            return Block.scalar(f.of(Rational.of(v)));
        }
        Block<T> d = defined.get(s.name());
        if (d != null) return d;
        Optional<Expr> def = definitions.apply(s.name());
        if (def.isPresent()) {
            Block<T> v = eval(def.get());
            defined.put(s.name(), v);
            return v;
        }
        if (s.kind() == SymKind.LET) throw new Decline("the definition of " + s.name() + " is not a closed form");
        if (s.kind() == SymKind.OPTIMUM || s.kind() == SymKind.LOSS) throw new Decline(s.name() + " has no closed form");
        Block<T> v = base.apply(s);
        if (v == null) throw new Decline("no value for " + s.name());
        return v;
    }

    /** An integer-valued expression over sizes, bound indices and integer constants. */
    int integer(Expr e) {
        if (e instanceof Num n) {
            if (!n.value().isInteger() || n.value().num().bitLength() > 31) throw new Decline("not an integer: " + n.value());
            return n.value().num().intValueExact();
        }
        if (e instanceof Sym s) {
            if (ints.containsKey(s.name())) return ints.get(s.name());
            if (s.kind() == SymKind.DIM && sizes.containsKey(s.name())) return sizes.get(s.name());
            throw new Decline(s.name() + " is not an integer here");
        }
        if (e instanceof Add a) {
            long v = 0;
            for (Expr t : a.terms()) v += integer(t);
            return Math.toIntExact(v);
        }
        if (e instanceof Mul m) {
            long v = 1;
            for (Expr t : m.factors()) v = Math.multiplyExact(v, (long) integer(t));
            return Math.toIntExact(v);
        }
        if (e instanceof Apply ap && ap.fn() == Builtin.ARGMAX) return argmax(ap);
        throw new Decline("not an integer expression");
    }

    /** argmax(v): the 1-based index of the first largest entry (needs an ordered field). */
    private int argmax(Apply a) {
        Block<T> v = eval(a.args().get(0));
        int k = 0;
        for (int i = 1; i < v.size(); i++) if (f.compare(v.at(i), v.at(k)) > 0) k = i;
        return k + 1;
    }

    private boolean holds(Relation r) {
        int c;
        try {
            c = Integer.compare(integer(r.lhs()), integer(r.rhs()));
        } catch (Decline | ArithmeticException d) {
            c = f.compare(eval(r.lhs()).scalarValue(), eval(r.rhs()).scalarValue());
        }
        return switch (r.op()) {
            case EQ -> c == 0;
            case NE -> c != 0;
            case LT -> c < 0;
            case LE -> c <= 0;
            case GT -> c > 0;
            case GE -> c >= 0;
        };
    }

    // ---------------------------------------------------------------- arithmetic

    private Block<T> add(Block<T> a, Block<T> b) {
        if (a.rows != b.rows || a.cols != b.cols) throw new Decline("a sum of different sizes");
        Object[] d = new Object[a.size()];
        for (int i = 0; i < d.length; i++) d[i] = f.add(a.at(i), b.at(i));
        return new Block<>(a.kind, a.rows, a.cols, d);
    }

    private Block<T> scale(T s, Block<T> a) {
        Object[] d = new Object[a.size()];
        for (int i = 0; i < d.length; i++) d[i] = f.mul(s, a.at(i));
        return new Block<>(a.kind, a.rows, a.cols, d);
    }

    private Block<T> matmul(Block<T> a, Block<T> b) {
        if (a.cols != b.rows) throw new Decline("not conformable at these sizes");
        Object[] d = new Object[a.rows * b.cols];
        for (int i = 0; i < a.rows; i++) {
            for (int j = 0; j < b.cols; j++) {
                T s = f.of(Rational.ZERO);
                for (int k = 0; k < a.cols; k++) s = f.add(s, f.mul(a.at(i, k), b.at(k, j)));
                d[i * b.cols + j] = s;
            }
        }
        return Block.of(a.rows, b.cols, d);
    }

    private Block<T> product(Mul m) {
        T s = f.of(Rational.ONE);
        Block<T> acc = null;
        for (Expr x : m.factors()) {
            Block<T> v = eval(x);
            if (v.isScalar()) { s = f.mul(s, v.at(0)); continue; }
            if (acc == null) { acc = v; continue; }
            acc = matmul(acc, v);
            if (acc.isScalar()) { s = f.mul(s, acc.at(0)); acc = null; }
        }
        return acc == null ? Block.scalar(s) : scale(s, acc);
    }

    private Block<T> transpose(Block<T> a) {
        Object[] d = new Object[a.size()];
        for (int i = 0; i < a.rows; i++) for (int j = 0; j < a.cols; j++) d[j * a.rows + i] = a.at(i, j);
        if (a.isScalar()) return a;
        return Block.of(a.cols, a.rows, d);
    }

    private Block<T> identity(int n) {
        Object[] d = new Object[n * n];
        for (int r = 0; r < n; r++) for (int c = 0; c < n; c++) d[r * n + c] = f.of(r == c ? Rational.ONE : Rational.ZERO);
        return Block.of(n, n, d);
    }

    /** Gauss-Jordan elimination with the first nonzero pivot (exact fields need no other choice). */
    private Block<T> inverse(Block<T> a) {
        if (a.isScalar()) return Block.scalar(f.inv(a.at(0)));
        int n = a.rows;
        if (a.cols != n) throw new Decline("the inverse of a non-square matrix");
        Object[][] m = new Object[n][2 * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) m[i][j] = a.at(i, j);
            for (int j = 0; j < n; j++) m[i][n + j] = f.of(i == j ? Rational.ONE : Rational.ZERO);
        }
        for (int c = 0; c < n; c++) {
            int p = -1;
            for (int r = c; r < n; r++) if (!f.isZero(cast(m[r][c]))) { p = r; break; }
            if (p < 0) throw new Undefined("the matrix is singular");
            Object[] tmp = m[p]; m[p] = m[c]; m[c] = tmp;
            T inv = f.inv(cast(m[c][c]));
            for (int j = 0; j < 2 * n; j++) m[c][j] = f.mul(inv, cast(m[c][j]));
            for (int r = 0; r < n; r++) {
                if (r == c || f.isZero(cast(m[r][c]))) continue;
                T k = cast(m[r][c]);
                for (int j = 0; j < 2 * n; j++) m[r][j] = f.add(cast(m[r][j]), f.neg(f.mul(k, cast(m[c][j]))));
            }
        }
        Object[] d = new Object[n * n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) d[i * n + j] = m[i][n + j];
        return Block.of(n, n, d);
    }

    @SuppressWarnings("unchecked")
    private T cast(Object o) { return (T) o; }

    private Block<T> power(Pow p) {
        Optional<BigInteger> k = integerExponent(p.exponent());
        if (k.isPresent() && (p.base() instanceof Norm n) && (n.kind() == NormKind.L2 || n.kind() == NormKind.FROBENIUS)
                && !k.get().testBit(0)) {
            // ||x||^(2m) = <x, x>^m: a polynomial, so the exact tiers keep it
            Block<T> x = eval(n.arg());
            T s = f.of(Rational.ZERO);
            for (int i = 0; i < x.size(); i++) s = f.add(s, f.mul(x.at(i), x.at(i)));
            return intPower(Block.scalar(s), k.get().shiftRight(1));
        }
        Block<T> b = eval(p.base());
        if (k.isPresent()) return intPower(b, k.get());
        if (!b.isScalar()) throw new Decline("a matrix to a non-integer power");
        return Block.scalar(f.pow(b.at(0), eval(p.exponent()).scalarValue()));
    }

    private Optional<BigInteger> integerExponent(Expr e) {
        if (e instanceof Num n) return n.value().isInteger() ? Optional.of(n.value().num()) : Optional.empty();
        try {
            return Optional.of(BigInteger.valueOf(integer(e)));
        } catch (Decline | ArithmeticException d) {
            return Optional.empty();
        }
    }

    private Block<T> intPower(Block<T> b, BigInteger k) {
        if (k.bitLength() > 20) throw new Decline("an integer power above 2^20");
        if (k.signum() < 0) return intPower(inverse(b), k.negate());
        Block<T> result = b.isScalar() ? Block.scalar(f.of(Rational.ONE)) : identity(b.rows);
        Block<T> sq = b;
        for (int i = 0; i < k.bitLength(); i++) {
            if (k.testBit(i)) result = b.isScalar() ? Block.scalar(f.mul(result.at(0), sq.at(0))) : matmul(result, sq);
            if (i + 1 < k.bitLength()) sq = b.isScalar() ? Block.scalar(f.mul(sq.at(0), sq.at(0))) : matmul(sq, sq);
        }
        return result;
    }

    // ---------------------------------------------------------------- structure

    private Block<T> entry(Index ix) {
        Block<T> b = eval(ix.base());
        int i = integer(ix.indices().get(0)) - 1;
        if (ix.indices().size() == 2) {
            int j = integer(ix.indices().get(1)) - 1;
            if (i < 0 || j < 0 || i >= b.rows || j >= b.cols) throw new Decline("an index out of range");
            return Block.scalar(b.at(i, j));
        }
        if (b.kind == Block.Kind.VECTOR || b.cols == 1) {
            if (i < 0 || i >= b.size()) throw new Decline("an index out of range");
            return Block.scalar(b.at(i));
        }
        if (i < 0 || i >= b.rows) throw new Decline("an index out of range");
        Object[] d = new Object[b.cols];
        for (int j = 0; j < b.cols; j++) d[j] = b.at(i, j);
        return Block.of(b.cols, 1, d);
    }

    private Block<T> sum(Sum s) {
        int lo = integer(s.lo()), hi = integer(s.hi());
        String name = s.index().name();
        Integer saved = ints.get(name);
        Block<T> acc = null;
        try {
            for (int k = lo; k <= hi; k++) {
                ints.put(name, k);
                Block<T> v = eval(s.body());
                acc = acc == null ? v : add(acc, v);
            }
        } finally {
            if (saved == null) ints.remove(name); else ints.put(name, saved);
        }
        if (acc != null) return acc;
        Shape sh = s.body().shape();
        int r = sh.rows().evaluate(sizes), c = sh.cols().evaluate(sizes);
        Object[] d = new Object[r * c];
        for (int i = 0; i < d.length; i++) d[i] = f.of(Rational.ZERO);
        return sh.isScalar() ? Block.scalar(f.of(Rational.ZERO)) : Block.of(r, c, d);
    }

    private Block<T> apply(Apply a) {
        if (!(a.fn() instanceof Builtin b)) throw new Decline("the declared function " + a.fn().name() + " has no closed form");
        if (b == Builtin.SUM) {
            Block<T> v = eval(a.args().get(0));
            T s = f.of(Rational.ZERO);
            for (int i = 0; i < v.size(); i++) s = f.add(s, v.at(i));
            return Block.scalar(s);
        }
        if (b == Builtin.TRACE) {
            Block<T> v = eval(a.args().get(0));
            T s = f.of(Rational.ZERO);
            for (int i = 0; i < Math.min(v.rows, v.cols); i++) s = f.add(s, v.at(i, i));
            return Block.scalar(s);
        }
        if (b == Builtin.ARGMAX) return Block.scalar(f.of(Rational.of(argmax(a))));
        if ((b == Builtin.MAX || b == Builtin.MIN) && a.args().size() == 1) {
            Block<T> v = eval(a.args().get(0));
            T best = v.at(0);
            for (int i = 1; i < v.size(); i++) {
                int c = f.compare(v.at(i), best);
                if (b == Builtin.MAX ? c > 0 : c < 0) best = v.at(i);
            }
            return Block.scalar(best);
        }
        if ((b == Builtin.MAX || b == Builtin.MIN) && a.args().size() == 2) {
            Block<T> x = eval(a.args().get(0)), y = eval(a.args().get(1));
            Block<T> shape = x.isScalar() ? y : x;
            Object[] d = new Object[shape.size()];
            for (int i = 0; i < d.length; i++) {
                T u = x.isScalar() ? x.at(0) : x.at(i), v = y.isScalar() ? y.at(0) : y.at(i);
                int c = f.compare(u, v);
                d[i] = (b == Builtin.MAX ? c >= 0 : c <= 0) ? u : v;
            }
            return new Block<>(shape.kind, shape.rows, shape.cols, d);
        }
        if (!b.entrywise() || a.args().size() != 1) throw new Decline(b.spelling() + " is not evaluated by the judge");
        Block<T> v = eval(a.args().get(0));
        Object[] d = new Object[v.size()];
        for (int i = 0; i < d.length; i++) d[i] = f.apply(b, v.at(i));
        return new Block<>(v.kind, v.rows, v.cols, d);
    }

    private Block<T> norm(Norm n) {
        Block<T> x = eval(n.arg());
        switch (n.kind()) {
            case L1 -> {
                T s = f.of(Rational.ZERO);
                for (int i = 0; i < x.size(); i++) s = f.add(s, f.apply(Builtin.ABS, x.at(i)));
                return Block.scalar(s);
            }
            case LINF -> {
                T best = f.of(Rational.ZERO);
                for (int i = 0; i < x.size(); i++) {
                    T a = f.apply(Builtin.ABS, x.at(i));
                    if (f.compare(a, best) > 0) best = a;
                }
                return Block.scalar(best);
            }
            default -> {
                T s = f.of(Rational.ZERO);
                for (int i = 0; i < x.size(); i++) s = f.add(s, f.mul(x.at(i), x.at(i)));
                return Block.scalar(f.apply(Builtin.SQRT, s));
            }
        }
    }
}
