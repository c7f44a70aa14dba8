package derivcheck.algebra;

import derivcheck.expr.Expr;
import derivcheck.expr.Exprs;
import derivcheck.expr.Num;
import derivcheck.expr.Pos;
import derivcheck.expr.TextPrinter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * A sum of terms with like terms collected: one coefficient per distinct ordered product of
 * atoms, in a canonical order. Two expressions whose combinations have equal coefficients
 * (as scalars) are equal.
 */
public record LinearCombination(Map<List<Expr>, Expr> terms) {
    public LinearCombination {
        terms = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(terms));
    }

    public static LinearCombination of(Expr e) { return of(Expansion.expand(e)); }

    public static LinearCombination of(List<Term> ts) {
        TreeMap<String, List<Expr>> keys = new TreeMap<>();
        Map<String, Expr> coefficients = new LinkedHashMap<>();
        for (Term t : ts) {
            String key = key(t.factors());
            keys.put(key, t.factors());
            coefficients.merge(key, t.coefficient(), (a, b) -> Exprs.add(List.of(a, b), Pos.NONE));
        }
        Map<List<Expr>, Expr> out = new LinkedHashMap<>();
        for (var e : keys.entrySet()) out.put(e.getValue(), coefficients.get(e.getKey()));
        return new LinearCombination(out);
    }

    /** Terms taken as they are, in the given order (like terms already collected). */
    public static LinearCombination ordered(List<Term> ts) {
        Map<List<Expr>, Expr> out = new LinkedHashMap<>();
        for (Term t : ts) out.merge(t.factors(), t.coefficient(), (a, b) -> Exprs.add(List.of(a, b), Pos.NONE));
        return new LinearCombination(out);
    }

    private static String key(List<Expr> factors) {
        StringBuilder b = new StringBuilder();
        for (Expr f : factors) b.append(TextPrinter.print(f)).append(" * ");
        return b.toString();
    }

    public List<Term> asTerms() {
        List<Term> out = new ArrayList<>();
        terms.forEach((f, c) -> out.add(new Term(c, f)));
        return out;
    }

    /** Applies {@code f} to every coefficient (e.g. a CAS simplification) and drops zeros. */
    public LinearCombination mapCoefficients(UnaryOperator<Expr> f) {
        Map<List<Expr>, Expr> out = new LinkedHashMap<>();
        terms.forEach((k, c) -> {
            Expr d = f.apply(c);
            if (!(d instanceof Num n && n.value().isZero())) out.put(k, d);
        });
        return new LinearCombination(out);
    }

    public LinearCombination minus(LinearCombination o) {
        List<Term> all = new ArrayList<>(asTerms());
        for (Term t : o.asTerms()) all.add(new Term(Exprs.neg(t.coefficient()), t.factors()));
        return of(all);
    }

    /** The combination as an expression; {@code zero} is returned when there are no terms. */
    public Expr toExpr(Expr zero) {
        List<Expr> parts = new ArrayList<>();
        for (Term t : asTerms()) parts.add(t.toExpr());
        if (parts.isEmpty()) return zero;
        return Exprs.add(parts, Pos.NONE);
    }
}
