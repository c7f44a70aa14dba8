package derivcheck.derive.linear;

import derivcheck.algebra.LinearCombination;
import derivcheck.algebra.Term;
import derivcheck.cas.Sign;
import derivcheck.derive.scalar.Curvature;
import derivcheck.derive.DeriveContext;
import derivcheck.derive.scalar.Signs;
import derivcheck.expr.Expr;
import derivcheck.expr.Exprs;
import derivcheck.expr.Identity;
import derivcheck.expr.Inverse;
import derivcheck.expr.Sym;
import derivcheck.expr.TextPrinter;
import derivcheck.expr.Transpose;
import derivcheck.model.Problem;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What can be proven about the quadratic form xᵀCx of a matrix expression C from the declared
 * matrix properties and the signs of scalar coefficients; never a guess (unknown when not proven).
 * <ul>
 *   <li>a symbol declared positive (semi)definite; Mᵀ as M (same quadratic form); inv(M) as M
 *       (xᵀM⁻¹x = yᵀMᵀy with y = M⁻¹x); I as positive definite;</li>
 *   <li>Aᵀ·M·A (also A·M·A for a declared-symmetric A or a diagonal diag(v)): (Ax)ᵀM(Ax), so ⪰ 0 when
 *       M ⪰ 0, and ≻ 0 when M ≻ 0 and Ax ≠ 0 for x ≠ 0 (A has full column rank, or A = diag(v) with
 *       every entry of v positive); AᵀA is the case M = I;</li>
 *   <li>c·M: the sign of c decided by the CAS under the spec's assumptions;</li>
 *   <li>a sum: ≻ 0 when every part is ⪰ 0 and one is ≻ 0 (and the same for ≺ 0).</li>
 * </ul>
 */
public final class Definiteness {
    /** The proven class of a quadratic form. */
    public enum Kind {
        PD("positive definite"), PSD("positive semidefinite"), ND("negative definite"),
        NSD("negative semidefinite"), ZERO("zero"), UNKNOWN("of unknown definiteness");

        public final String words;

        Kind(String words) { this.words = words; }

        public Kind negate() {
            return switch (this) {
                case PD -> ND; case ND -> PD; case PSD -> NSD; case NSD -> PSD; default -> this;
            };
        }

        Kind weak() {
            return switch (this) {
                case PD -> PSD; case ND -> NSD; default -> this;
            };
        }

        boolean nonnegative() { return this == PD || this == PSD || this == ZERO; }

        boolean nonpositive() { return this == ND || this == NSD || this == ZERO; }

        Kind plus(Kind o) {
            if (this == ZERO) return o;
            if (o == ZERO) return this;
            if (nonnegative() && o.nonnegative()) return this == PD || o == PD ? PD : PSD;
            if (nonpositive() && o.nonpositive()) return this == ND || o == ND ? ND : NSD;
            return UNKNOWN;
        }
    }

    /** The class, why it holds (for the sheet), and what the spec could declare when it is not proven. */
    /** because: the reasons, each as explanation parts (text and the expressions it names, see Step.explained). */
    public record Verdict(Kind kind, List<List<Object>> because, Set<String> hints) {}

    private final Problem problem;
    private final DeriveContext ctx;
    private final List<List<Object>> because = new ArrayList<>();
    private final Set<String> hints = new LinkedHashSet<>();

    private Definiteness(Problem problem, DeriveContext ctx) {
        this.problem = problem;
        this.ctx = ctx;
    }

    /** The class of c·I + Σ parts (c a scalar, each part a matrix expression). */
    public static Verdict of(Expr scalar, List<Expr> parts, Problem p, DeriveContext ctx) {
        Definiteness d = new Definiteness(p, ctx);
        Kind k = Exprs.isZero(scalar) ? Kind.ZERO : d.scaled(scalar, Kind.PD);
        for (Expr part : parts) k = k.plus(d.expr(part));
        return new Verdict(k, List.copyOf(d.because), d.hints);
    }

    /** A matrix expression, read as a linear combination of products. */
    private Kind expr(Expr e) {
        Kind k = Kind.ZERO;
        for (Term t : LinearCombination.of(e).asTerms()) {
            List<Expr> fs = new ArrayList<>();
            for (Expr f : t.factors()) if (!(f instanceof Identity)) fs.add(f);
            Kind product = product(fs);
            k = k.plus(scaled(t.coefficient(), product));
            if (k == Kind.UNKNOWN) return k;
        }
        return k;
    }

    /** c times a form of class k; the sign of c by the CAS. */
    private Kind scaled(Expr c, Kind k) {
        if (k == Kind.UNKNOWN) return k;
        Expr s = ctx.simplify(c);
        Sign sign = Exprs.isZero(s) ? Sign.ZERO : Signs.of(s, ctx);
        String cText = TextPrinter.print(s);
        Kind out = switch (sign) {
            case POSITIVE -> k;
            case NEGATIVE -> k.negate();
            case NONNEGATIVE -> k.weak();
            case NONPOSITIVE -> k.negate().weak();
            case ZERO -> Kind.ZERO;
            case UNKNOWN -> Kind.UNKNOWN;
        };
        if (sign == Sign.NONNEGATIVE || sign == Sign.NONPOSITIVE) hints.add("state that " + cText + " is not 0 (e.g. `assume "
                + cText + (sign == Sign.NONNEGATIVE ? " > 0`)" : " < 0`)"));
        if (sign == Sign.UNKNOWN) hints.add("state the sign of " + cText + " (e.g. `assume " + cText + " > 0`)");
        else if (sign != Sign.POSITIVE && sign != Sign.ZERO && !cText.equals("-1")) because.add(List.of(s, " is " + words(sign)));
        else if (sign == Sign.POSITIVE && !cText.equals("1")) because.add(List.of(new derivcheck.expr.Relation(derivcheck.expr.RelOp.GT, s, derivcheck.expr.Num.ZERO, derivcheck.expr.Pos.NONE)));
        return out;
    }

    private static String words(Sign s) {
        return switch (s) {
            case NEGATIVE -> "negative"; case NONNEGATIVE -> "nonnegative"; case NONPOSITIVE -> "nonpositive";
            default -> s.name().toLowerCase();
        };
    }

    /** An ordered product of matrix factors (identities removed). */
    private Kind product(List<Expr> fs) {
        if (fs.isEmpty()) return Kind.PD;
        if (fs.size() == 1) return factor(fs.get(0));
        Expr first = fs.get(0), last = fs.get(fs.size() - 1);
        boolean sandwich = first instanceof Transpose t && t.arg().equals(last)
                || first.equals(last) && (last instanceof Sym s && problem.isSymmetric(s) || isDiag(last));
        if (!sandwich) {
            hints.add("write the quadratic term so that its matrix is a declared symbol or a product A'*M*A");
            return Kind.UNKNOWN;
        }
        Kind middle = product(fs.subList(1, fs.size() - 1));
        boolean injective = last instanceof Sym s && problem.hasFullColumnRank(s) || isDiag(last) && positiveEntries(last);
        String a = TextPrinter.print(last);
        Expr m = new derivcheck.expr.Mul(fs, derivcheck.expr.Pos.NONE);
        String text = TextPrinter.print(m);
        if (middle == Kind.PD || middle == Kind.ND) {
            if (injective) {
                because.add(List.of(last, isDiag(last) ? " has positive entries on its diagonal (it is invertible), so " : " has full column rank, so ",
                        m, " is " + middle.words));
                return middle;
            }
            hints.add("add `full column rank` to " + a + "'s given (then " + text + " is " + middle.words + ")");
            Kind weak = middle.weak();
            because.add(List.of(m, " is " + weak.words));
            return weak;
        }
        if (middle == Kind.PSD || middle == Kind.NSD || middle == Kind.ZERO) because.add(List.of(m, " is " + middle.words));
        return middle;
    }

    private static boolean isDiag(Expr e) {
        return e instanceof derivcheck.expr.Apply ap && ap.fn() == derivcheck.expr.Builtin.DIAG;
    }

    /** diag(v) with every entry of v proven positive (invertible, so injective). */
    private boolean positiveEntries(Expr diag) {
        Expr e = entry(((derivcheck.expr.Apply) diag).args().get(0));
        return Curvature.sign(e, ctx.with(derivcheck.derive.Facts.ofEntries(problem, e))) == Sign.POSITIVE;
    }

    /** Entry k of a vector (k a fresh index), simplified. */
    private Expr entry(Expr v) {
        Sym k = new Sym(derivcheck.derive.Names.freshIndex(problem, "k"), derivcheck.expr.Shape.SCALAR, derivcheck.expr.SymKind.INDEX, derivcheck.expr.Pos.NONE);
        return derivcheck.calculus.Simplify.simplify(new derivcheck.expr.Index(v, List.of(k), derivcheck.expr.Pos.NONE));
    }

    /**
     * diag(v): positive definite when every entry of v is proven positive, semidefinite when
     * nonnegative (the entry v_k read by the calculus simplifier, signed by {@link Curvature}).
     */
    private Kind diagonal(Expr f, Expr v) {
        Expr entry = entry(v);
        Sign s = Curvature.sign(entry, ctx.with(derivcheck.derive.Facts.ofEntries(problem, entry)));
        if (s == Sign.POSITIVE) {
            because.add(List.of(f, " has positive entries on its diagonal"));
            return Kind.PD;
        }
        if (s == Sign.NONNEGATIVE || s == Sign.ZERO) {
            because.add(List.of(f, " has nonnegative entries on its diagonal"));
            return s == Sign.ZERO ? Kind.ZERO : Kind.PSD;
        }
        hints.add("state what makes the entries of " + TextPrinter.print(v) + " positive");
        return Kind.UNKNOWN;
    }

    private Kind factor(Expr f) {
        if (f instanceof Transpose t) return factor(t.arg());
        if (f instanceof Inverse inv) {
            Kind k = expr(inv.arg());
            return k == Kind.PD || k == Kind.ND ? k : Kind.UNKNOWN;
        }
        if (f instanceof Sym s) {
            if (problem.isPositiveDefinite(s)) {
                because.add(List.of(s, " is declared positive definite"));
                return Kind.PD;
            }
            if (problem.isPositiveSemidefinite(s)) {
                because.add(List.of(s, " is declared positive semidefinite"));
                hints.add("add `positive definite` to " + s.name() + "'s given");
                return Kind.PSD;
            }
            hints.add("add `positive definite` to " + s.name() + "'s given");
            return Kind.UNKNOWN;
        }
        if (f instanceof derivcheck.expr.Add) return expr(f);
        if (f instanceof derivcheck.expr.Apply ap && ap.fn() == derivcheck.expr.Builtin.DIAG) return diagonal(f, ap.args().get(0));
        hints.add("write the quadratic term so that its matrix is a declared symbol or a product A'*M*A");
        return Kind.UNKNOWN;
    }
}
