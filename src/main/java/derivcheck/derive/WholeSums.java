package derivcheck.derive;

import derivcheck.expr.Add;
import derivcheck.expr.Apply;
import derivcheck.expr.Builtin;
import derivcheck.expr.Dim;
import derivcheck.expr.Expr;
import derivcheck.expr.Exprs;
import derivcheck.expr.Index;
import derivcheck.expr.Mul;
import derivcheck.expr.Num;
import derivcheck.expr.Pos;
import derivcheck.expr.Pow;
import derivcheck.expr.Shape;
import derivcheck.expr.ShapeException;
import derivcheck.expr.Sum;
import derivcheck.expr.Sym;
import derivcheck.expr.Transpose;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * An index sum over the whole length of the vectors it indexes, written in matrix form: sum(i = 1..N,
 * body) where every entry in the body is taken at i of a vector of length N or a row of a matrix with N
 * rows. Each term of the body is a product of factors free of i (a scale) and factors that are
 * entrywise at i ({@link WholeVectors#entries}: ⟨X_i, w⟩ − t_i is entry i of X·w − t; a square counts
 * twice); with their vectors u, v, c: Σ_i u_i = sum(u), Σ_i u_i v_i = uᵀv, Σ_i c_i u_i v_i = uᵀdiag(c)v
 * (more weights multiply entrywise inside diag). The two outer vectors are the ones that mention the
 * unknown, so Σ_i c_i(⟨X_i, w⟩ − t_i)² becomes (X·w − t)ᵀdiag(c)(X·w − t). A term with more than two
 * factors in the unknown, or a factor that is not entrywise (a shift x_{i+1}, a nested sum), does not lift.
 */
public final class WholeSums {
    private WholeSums() {}

    /** e with every index sum written in matrix form, or empty when there is none or one does not lift. */
    public static Optional<Expr> matrixForm(Expr e, Predicate<Expr> unknown) {
        if (!Exprs.anyNode(e, x -> x instanceof Sum)) return Optional.empty();
        boolean[] failed = {false};
        Expr out = Exprs.transform(e, x -> {
            if (!(x instanceof Sum s)) return null;
            Optional<Expr> m = sum(s, unknown);
            if (m.isEmpty()) failed[0] = true;
            return m.orElse(x);
        });
        return failed[0] ? Optional.empty() : Optional.of(out);
    }

    /** Each index sum of e with its matrix form (sum = form), for the sheet; empty when one does not lift. */
    public static List<derivcheck.expr.Relation> forms(Expr e, Predicate<Expr> unknown) {
        List<derivcheck.expr.Relation> out = new ArrayList<>();
        boolean[] failed = {false};
        Exprs.anyNode(e, x -> {
            if (x instanceof Sum s) {
                Optional<Expr> m = sum(s, unknown);
                if (m.isPresent()) out.add(new derivcheck.expr.Relation(derivcheck.expr.RelOp.EQ, s, m.get(), Pos.NONE));
                else failed[0] = true;
            }
            return false;
        });
        return failed[0] ? List.of() : out;
    }

    private static Optional<Expr> sum(Sum s, Predicate<Expr> unknown) {
        Sym i = s.index();
        Optional<Dim> n = length(s.body(), i);
        if (n.isEmpty() || !s.body().isScalar() || !WholeVectors.wholeRange(s.lo(), s.hi(), n.get())) return Optional.empty();
        List<Expr> terms = s.body() instanceof Add a ? a.terms() : List.of(s.body());
        List<Expr> out = new ArrayList<>();
        try {
            for (Expr t : terms) {
                Optional<Expr> l = term(t, i, n.get(), s.hi(), unknown);
                if (l.isEmpty()) return Optional.empty();
                out.add(l.get());
            }
        } catch (ShapeException e) {
            return Optional.empty();
        }
        return Optional.of(Exprs.add(out, Pos.NONE));
    }

    /** The one length N of the vectors (and the rows of the matrices) the body indexes at i. */
    private static Optional<Dim> length(Expr body, Sym i) {
        List<Dim> ns = new ArrayList<>();
        Exprs.anyNode(body, x -> {
            if (x instanceof Index ix && ix.indices().stream().anyMatch(k -> Exprs.mentions(k, i.name()))) {
                Shape b = ix.base().shape();
                ns.add(b instanceof Shape.Vector v ? v.n() : b instanceof Shape.Matrix m ? m.rows() : null);
            }
            return false;
        });
        return ns.isEmpty() || ns.contains(null) || ns.stream().distinct().count() != 1 ? Optional.empty() : Optional.of(ns.get(0));
    }

    private static Optional<Expr> term(Expr t, Sym i, Dim n, Expr count, Predicate<Expr> unknown) {
        List<Expr> scale = new ArrayList<>();
        List<Expr> vectors = new ArrayList<>();
        for (Expr f : t instanceof Mul m ? m.factors() : List.of(t)) {
            if (!Exprs.mentions(f, i.name())) { scale.add(f); continue; }
            int times = 1;
            Expr base = f;
            if (f instanceof Pow p && p.exponent() instanceof Num k && k.value().isInteger() && k.value().signum() > 0
                    && k.value().num().bitLength() < 4) {
                times = k.value().num().intValue();
                base = p.base();
            }
            Optional<Expr> v = WholeVectors.entries(base, i, n);
            if (v.isEmpty()) return Optional.empty();
            for (int k = 0; k < times; k++) vectors.add(v.get());
        }
        if (vectors.isEmpty()) scale.add(count); // a term free of i, N times
        else scale.add(form(vectors, unknown).orElse(null));
        if (scale.contains(null)) return Optional.empty();
        return Optional.of(Exprs.mul(scale, Pos.NONE));
    }

    /** Σ_i of the entrywise product of the vectors: sum(u), uᵀv or uᵀdiag(c₁ .* …)v with u, v the ones in the unknown. */
    private static Optional<Expr> form(List<Expr> vs, Predicate<Expr> unknown) {
        if (vs.size() == 1) return Optional.of(Apply.of(Builtin.SUM, vs.get(0)));
        List<Expr> in = new ArrayList<>(), free = new ArrayList<>();
        for (Expr v : vs) (Exprs.anyNode(v, unknown) ? in : free).add(v);
        if (in.size() > 2) return Optional.empty();
        Expr u, v;
        List<Expr> weights;
        if (in.size() == 2) {
            u = in.get(0);
            v = in.get(1);
            weights = free;
        } else { // the one in the unknown (if any) outside, the others between
            List<Expr> all = new ArrayList<>(in);
            all.addAll(free);
            u = all.get(0);
            v = all.get(all.size() - 1);
            weights = all.subList(1, all.size() - 1);
        }
        List<Expr> product = new ArrayList<>(List.of(new Transpose(u, Pos.NONE)));
        if (!weights.isEmpty()) {
            Expr c = weights.get(0);
            for (Expr w : weights.subList(1, weights.size())) c = Apply.of(Builtin.HADAMARD, c, w);
            product.add(Apply.of(Builtin.DIAG, c));
        }
        product.add(v);
        return Optional.of(Exprs.mul(product, Pos.NONE));
    }
}
