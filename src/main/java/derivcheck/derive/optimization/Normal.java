package derivcheck.derive.optimization;

import derivcheck.calculus.Entries;
import derivcheck.expr.Apply;
import derivcheck.expr.Builtin;
import derivcheck.expr.Dim;
import derivcheck.expr.Expr;
import derivcheck.expr.Exprs;
import derivcheck.expr.Index;
import derivcheck.expr.Inner;
import derivcheck.expr.Num;
import derivcheck.expr.Pos;
import derivcheck.expr.Shape;
import derivcheck.expr.Sym;
import derivcheck.expr.SymKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The normal a of an affine constraint ⟨a, x⟩ op b: scale·v for a vector expression v free of x,
 * or scale·1 with 1 the all-ones vector (the constraint sum(x) = s). Kept apart because the model
 * has no ones vector: ⟨1, v⟩ is sum(v), ‖1‖² is n, and a result along 1 is written entry by entry.
 */
record Normal(Optional<Expr> vector, Expr scale, Dim n) {

    /** The normal read from the gradient of the constraint function (the gradient of sum(x) is Σ_i e_i). */
    static Normal of(Expr gradient, Dim n) {
        Optional<Expr> broadcast = derivcheck.expr.Broadcast.scalar(gradient); // c*ones(n), the gradient of c*sum(x)
        if (broadcast.isPresent()) return new Normal(Optional.empty(), broadcast.get(), n);
        Optional<Entries.Tab> tab = Entries.matchVector(gradient);
        if (tab.isPresent() && !Exprs.mentions(tab.get().body(), tab.get().index().name())) {
            return new Normal(Optional.empty(), tab.get().body(), n);
        }
        // c·v with a scalar c: keep c as the scale, so that a and −a are recognized as opposite normals
        List<derivcheck.algebra.Term> terms = derivcheck.algebra.LinearCombination.of(gradient).asTerms();
        if (terms.size() == 1 && !terms.get(0).factors().isEmpty()) {
            derivcheck.algebra.Term t = terms.get(0);
            Expr v = t.factors().size() == 1 ? t.factors().get(0) : Exprs.mul(t.factors(), Pos.NONE);
            return new Normal(Optional.of(v), t.coefficient(), n);
        }
        return new Normal(Optional.of(gradient), Num.ONE, n);
    }

    boolean ones() { return vector.isEmpty(); }

    Normal negate() { return new Normal(vector, Exprs.neg(scale), n); }

    /** ⟨a, v⟩ for a vector v. */
    Expr inner(Expr v) {
        Expr base = vector.<Expr>map(a -> new Inner(a, v, Pos.NONE)).orElse(new Apply(Builtin.SUM, List.of(v), Pos.NONE));
        return Exprs.mul(scale, base);
    }

    /** ⟨a, b⟩ of two normals. */
    Expr inner(Normal o) {
        Expr base;
        if (ones() && o.ones()) base = size(n);
        else if (ones()) base = new Apply(Builtin.SUM, List.of(o.vector.get()), Pos.NONE);
        else if (o.ones()) base = new Apply(Builtin.SUM, List.of(vector.get()), Pos.NONE);
        else base = new Inner(vector.get(), o.vector.get(), Pos.NONE);
        return Exprs.mul(List.of(scale, o.scale, base), Pos.NONE);
    }

    /** The vector t·a, when a is not the ones vector. */
    Optional<Expr> times(Expr t) { return vector.map(v -> Exprs.mul(List.of(t, scale, v), Pos.NONE)); }

    /** Entry i of t·a. */
    Expr entry(Expr t, Sym i) {
        return vector.<Expr>map(v -> Exprs.mul(List.of(t, scale, new Index(v, List.of(i), Pos.NONE)), Pos.NONE))
                .orElse(Exprs.mul(t, scale));
    }

    /** A size as a scalar expression (dimension names become DIM symbols). */
    static Expr size(Dim d) {
        List<Expr> terms = new ArrayList<>();
        for (var t : d.terms().entrySet()) {
            terms.add(Exprs.mul(Num.of(t.getValue()), new Sym(t.getKey(), Shape.SCALAR, SymKind.DIM, Pos.NONE)));
        }
        if (d.constant() != 0 || terms.isEmpty()) terms.add(Num.of(d.constant()));
        return Exprs.add(terms, Pos.NONE);
    }
}
