package derivcheck.calculus;

import derivcheck.expr.Dim;
import derivcheck.expr.Expr;
import derivcheck.expr.Identity;
import derivcheck.expr.Index;
import derivcheck.expr.Mul;
import derivcheck.expr.Num;
import derivcheck.expr.Pos;
import derivcheck.expr.Shape;
import derivcheck.expr.Sum;
import derivcheck.expr.Sym;
import derivcheck.expr.SymKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * "The vector with entries e(i)" in today's expression model. Until the model has a node for
 * it, the vector {@code (e(i))_{i=1..n}} is written
 * <pre>  sum(i = 1..n, e(i) * I_n[i])</pre>
 * where {@code I_n[i]} (one index of the identity: its i-th row as a vector) is the unit vector
 * e_i. This is exactly what backpropagation through an index {@code x_i} produces, it evaluates
 * with the numeric compiler, and {@link #matchVector} recognizes it again so that
 * {@link Simplify} can read entries back ({@code v[k] -> e(k)}) and turn it back into a plain
 * vector when it is one ({@code e(i) = c*v_i -> c*v}, {@code e(i) = f(v_i) -> f(v)} for an
 * entrywise built-in f). All construction goes through this class, so switching to a new node
 * is a local change.
 */
public final class Entries {
    private Entries() {}

    /** A tabulated vector: the entry at {@code index} (1-based, 1..n) is {@code body}. */
    public record Tab(Sym index, Dim n, Expr body) {}

    /** The unit vector e_i of R^n, as {@code I_n[i]}. */
    public static Expr unit(Dim n, Expr i) {
        return new Index(new Identity(n, Pos.NONE), List.of(i), Pos.NONE);
    }

    /** The vector with entries {@code body(index)}, index = 1..n; body must be a scalar. */
    public static Expr vector(Sym index, Dim n, Expr body) {
        if (!body.isScalar()) throw new IllegalArgumentException("an entry must be a scalar: " + Ascii.print(body));
        return new Sum(index, Num.ONE, Alg.dim(n), Alg.mul(body, unit(n, index)), Pos.NONE);
    }

    /** The m-by-n matrix with entries {@code body(i, j)}. */
    public static Expr matrix(Sym i, Sym j, Dim m, Dim n, Expr body) {
        if (!body.isScalar()) throw new IllegalArgumentException("an entry must be a scalar: " + Ascii.print(body));
        Expr inner = new Sum(j, Num.ONE, Alg.dim(n), Alg.mul(body, unit(m, i), Alg.transpose(unit(n, j))), Pos.NONE);
        return new Sum(i, Num.ONE, Alg.dim(m), inner, Pos.NONE);
    }

    /** The all-ones vector of R^n. */
    public static Expr ones(Dim n, Sym index) { return vector(index, n, Num.ONE); }

    /** Recognizes a vector written by {@link #vector}. */
    public static Optional<Tab> matchVector(Expr e) {
        if (!(e instanceof Sum s) || !(s.shape() instanceof Shape.Vector)) return Optional.empty();
        if (!(s.lo() instanceof Num lo) || !lo.value().isOne()) return Optional.empty();
        List<Expr> factors = s.body() instanceof Mul m ? m.factors() : List.of(s.body());
        Dim n = null;
        List<Expr> rest = new ArrayList<>();
        for (Expr f : factors) {
            if (n == null && isUnit(f, s.index())) n = ((Identity) ((Index) f).base()).n();
            else if (!f.isScalar()) return Optional.empty();
            else rest.add(f);
        }
        if (n == null || !s.hi().equals(Alg.dim(n))) return Optional.empty();
        return Optional.of(new Tab(s.index(), n, Alg.mul(rest)));
    }

    private static boolean isUnit(Expr f, Sym index) {
        return f instanceof Index ix && ix.base() instanceof Identity && ix.indices().size() == 1
                && ix.indices().get(0) instanceof Sym s && s.name().equals(index.name());
    }

    /** A fresh index symbol. */
    static Sym index(String name) { return new Sym(name, Shape.SCALAR, SymKind.INDEX, Pos.NONE); }
}
