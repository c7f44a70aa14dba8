package derivcheck.derive.linear;

import derivcheck.algebra.LinearCombination;
import derivcheck.algebra.Term;
import derivcheck.expr.Expr;
import derivcheck.expr.Exprs;
import derivcheck.expr.Mul;
import derivcheck.expr.Norm;
import derivcheck.expr.NormKind;
import derivcheck.expr.Pos;
import derivcheck.expr.Sym;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A vector expression split by how it depends on the unknown x:
 * {@code scalarPart * x + Σ matrixParts * x + rest}, where the rest and the matrix operators are
 * free of x and the scalar coefficient may depend on x only through ||x|| (the radial case).
 */
public record AffineForm(Expr scalarPart, List<Expr> matrixParts, Expr rest, boolean radial) {

    /** The split, or empty when the expression is not of this form in x. */
    public static Optional<AffineForm> of(Expr e, Sym x) {
        LinearCombination lc = LinearCombination.of(e);
        List<Expr> scalar = new ArrayList<>();
        List<Expr> matrices = new ArrayList<>();
        List<Expr> rest = new ArrayList<>();
        Norm normX = new Norm(x, NormKind.L2, Pos.NONE);
        boolean radial = false;
        for (Term t : lc.asTerms()) {
            List<Expr> f = t.factors();
            boolean lastIsX = !f.isEmpty() && f.get(f.size() - 1).equals(x);
            boolean othersFree = f.subList(0, Math.max(0, f.size() - (lastIsX ? 1 : 0))).stream()
                    .noneMatch(y -> Exprs.mentions(y, x.name()));
            if (lastIsX && othersFree) {
                Expr c = t.coefficient();
                if (Exprs.mentions(c, x.name())) {
                    Sym r = new Sym("#r", derivcheck.expr.Shape.SCALAR, derivcheck.expr.SymKind.GIVEN, Pos.NONE);
                    if (Exprs.mentions(Exprs.substitute(c, normX, r), x.name()) || f.size() > 1) return Optional.empty();
                    radial = true;
                }
                if (f.size() == 1) scalar.add(c);
                else {
                    List<Expr> op = new ArrayList<>(f.subList(0, f.size() - 1));
                    op.add(0, c);
                    matrices.add(Exprs.mul(op, Pos.NONE));
                }
            } else if (f.stream().noneMatch(y -> Exprs.mentions(y, x.name())) && !Exprs.mentions(t.coefficient(), x.name())) {
                rest.add(t.toExpr());
            } else {
                return Optional.empty();
            }
        }
        Expr s = scalar.isEmpty() ? derivcheck.expr.Num.ZERO : Exprs.add(scalar, Pos.NONE);
        Expr r = rest.isEmpty() ? Exprs.mul(List.of(derivcheck.expr.Num.ZERO, x), Pos.NONE) : Exprs.add(rest, Pos.NONE);
        return Optional.of(new AffineForm(s, matrices, r, radial));
    }

    public boolean hasMatrixPart() { return !matrixParts.isEmpty(); }

    static boolean isMul(Expr e) { return e instanceof Mul; }
}
