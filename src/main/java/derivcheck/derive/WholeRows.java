package derivcheck.derive;

import derivcheck.expr.Apply;
import derivcheck.expr.Builtin;
import derivcheck.expr.Dim;
import derivcheck.expr.Expr;
import derivcheck.expr.Exprs;
import derivcheck.expr.Mul;
import derivcheck.expr.Pos;
import derivcheck.expr.ShapeException;
import derivcheck.expr.Sym;
import derivcheck.expr.Transpose;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An index-defined matrix used as a whole: `let Z_i = body for i in 1..N` defines Z row by row (the
 * body is a vector, row i of Z), and Z is written as the matrix its rows define when the body is
 * entrywise over the rows: row i of a matrix M with N rows (M_i) is M; a sum of rows is the sum of
 * the matrices; a row scaled by an entry s_i (an entrywise expression of vectors of length N,
 * {@link WholeVectors#entries}) is diag(s)·M; s_i times a vector b free of i is the outer product s·bᵀ;
 * A·M_i (A free of i) is M·Aᵀ; M_i .* b (b free of i) is M·diag(b); M_i .* P_i is M .* P; an entrywise
 * function of a row acts on the matrix. A shift M_{i+1}, a sum over i, or a row free of i added to rows
 * (centering X_i − μ, the matrix X − 1μᵀ: not lifted, since its Gram matrix would reach the second-order
 * check expanded) does not lift, and the matrix stays refused.
 */
final class WholeRows {
    private WholeRows() {}

    /** The matrix with N rows whose row i is e (a vector expression in rows and entries at i), or empty. */
    static Optional<Expr> rows(Expr e, Sym i, Dim n) {
        try {
            return lift(e, i, n).filter(m -> WholeVectors.withRows(m, n));
        } catch (ShapeException ex) {
            return Optional.empty();
        }
    }

    private static Optional<Expr> lift(Expr e, Sym i, Dim n) {
        if (!Exprs.mentions(e, i.name()) || e.isScalar()) return Optional.empty(); // a row free of i needs a column of ones
        Expr whole = WholeVectors.rowOf(e, i, n);
        if (whole != null) return Exprs.mentions(whole, i.name()) ? Optional.empty() : Optional.of(whole);
        if (e instanceof derivcheck.expr.Add a) {
            List<Expr> terms = new ArrayList<>();
            for (Expr t : a.terms()) {
                Optional<Expr> l = lift(t, i, n);
                if (l.isEmpty()) return Optional.empty();
                terms.add(l.get());
            }
            return Optional.of(Exprs.add(terms, Pos.NONE));
        }
        if (e instanceof Mul m) return product(m.factors(), i, n);
        if (e instanceof Apply ap && ap.fn() instanceof Builtin b) {
            if (b.entrywise() && ap.args().size() == 1) return lift(ap.args().get(0), i, n).map(x -> (Expr) Apply.of(b, x));
            if (b == Builtin.HADAMARD && ap.args().size() == 2) return hadamard(ap.args().get(0), ap.args().get(1), i, n);
        }
        return Optional.empty();
    }

    /** (scalars)·A₁⋯A_k·v: the scalars' entries at i as diag(s) on the left, the i-free matrices transposed on the right. */
    private static Optional<Expr> product(List<Expr> fs, Sym i, Dim n) {
        List<Expr> scalars = new ArrayList<>();
        List<Expr> vectorPart = new ArrayList<>();
        for (Expr f : fs) (f.isScalar() ? scalars : vectorPart).add(f);
        if (vectorPart.isEmpty()) return Optional.empty();
        Expr v = vectorPart.get(vectorPart.size() - 1);
        List<Expr> ops = vectorPart.subList(0, vectorPart.size() - 1);
        if (ops.stream().anyMatch(a -> Exprs.mentions(a, i.name()))) return Optional.empty();
        Expr scalar = scalars.isEmpty() ? derivcheck.expr.Num.ONE : Exprs.mul(scalars, Pos.NONE);
        Optional<Expr> s = WholeVectors.entries(scalar, i, n).filter(x -> Exprs.mentions(scalar, i.name()));
        if (Exprs.mentions(scalar, i.name()) && s.isEmpty()) return Optional.empty();
        Expr rowsOfV;
        if (Exprs.mentions(v, i.name())) {
            Optional<Expr> l = lift(v, i, n);
            if (l.isEmpty()) return Optional.empty();
            rowsOfV = l.get();
        } else {
            if (s.isEmpty()) return Optional.empty(); // no entry at i: a constant row
            Expr outer = Exprs.mul(s.get(), new Transpose(ops.isEmpty() ? v : Exprs.mul(vectorPart, Pos.NONE), Pos.NONE));
            return Optional.of(outer);
        }
        List<Expr> out = new ArrayList<>();
        if (s.isPresent()) out.add(Apply.of(Builtin.DIAG, s.get()));
        else if (!scalars.isEmpty()) out.add(scalar);
        out.add(rowsOfV);
        if (!ops.isEmpty()) out.add(new Transpose(Exprs.mul(ops, Pos.NONE), Pos.NONE));
        return Optional.of(Exprs.mul(out, Pos.NONE));
    }

    /** M_i .* b = row i of M·diag(b) for b free of i; M_i .* P_i = row i of M .* P. */
    private static Optional<Expr> hadamard(Expr a, Expr b, Sym i, Dim n) {
        boolean ai = Exprs.mentions(a, i.name()), bi = Exprs.mentions(b, i.name());
        if (ai && bi) {
            Optional<Expr> la = lift(a, i, n), lb = lift(b, i, n);
            return la.isPresent() && lb.isPresent() ? Optional.of(Apply.of(Builtin.HADAMARD, la.get(), lb.get())) : Optional.empty();
        }
        Expr rows = ai ? a : b, fixed = ai ? b : a;
        return lift(rows, i, n).map(m -> Exprs.mul(m, Apply.of(Builtin.DIAG, fixed)));
    }
}
