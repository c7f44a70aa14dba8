package derivcheck.derive;

import derivcheck.cas.Assumptions;
import derivcheck.expr.Expr;
import derivcheck.expr.Num;
import derivcheck.expr.Relation;
import derivcheck.expr.Sym;
import derivcheck.model.DimDecl;
import derivcheck.model.Domain;
import derivcheck.model.Problem;
import derivcheck.model.SymbolDecl;
import java.util.Optional;

/** The facts a problem states, in the form the CAS takes (signs, bounds, intervals). */
public final class Facts {
    private Facts() {}

    public static Assumptions of(Problem p) {
        Assumptions a = Assumptions.NONE;
        for (DimDecl d : p.dims()) {
            a = a.positive(d.sym()).integer(d.sym());
            // the declared lower bound (dim n >= 2), and every size is at least 1, for the sign decisions
            a = a.with(new Assumptions.Fact(d.sym(), Assumptions.Kind.GREATER_EQUAL, derivcheck.expr.Rational.of(d.minimum())));
        }
        for (Relation r : p.assumptions()) a = with(a, r);
        for (SymbolDecl g : p.givens()) {
            if (g.sym().isScalar() && g.domain().isPresent()) a = withDomain(a, g.sym(), g.domain().get());
        }
        for (SymbolDecl u : p.unknowns()) {
            if (u.sym().isScalar() && u.domain().isPresent()) a = withDomain(a, u.sym(), u.domain().get());
        }
        return a;
    }

    /** Adds a relation with a numeric side as a fact; other relations are not facts for the CAS. */
    public static Assumptions with(Assumptions a, Relation r) {
        if (!r.lhs().isScalar()) return a;
        if (r.rhs() instanceof Num n) return a.with(new Assumptions.Fact(r.lhs(), kind(r.op()), n.value()));
        if (r.lhs() instanceof Num n) {
            return a.with(new Assumptions.Fact(r.rhs(), kind(r.op().flipped()), n.value()));
        }
        return a;
    }

    private static Assumptions.Kind kind(derivcheck.expr.RelOp op) {
        return switch (op) {
            case GT -> Assumptions.Kind.GREATER;
            case GE -> Assumptions.Kind.GREATER_EQUAL;
            case LT -> Assumptions.Kind.LESS;
            case LE -> Assumptions.Kind.LESS_EQUAL;
            case EQ -> Assumptions.Kind.EQUAL;
            case NE -> Assumptions.Kind.UNEQUAL;
        };
    }

    /** The facts of an interval domain for one scalar (a symbol, or an entry x_i of a vector). */
    public static Assumptions withDomain(Assumptions a, Expr subject, Domain d) {
        Optional<Expr> lo = d.lo();
        Optional<Expr> hi = d.hi();
        if (lo.isPresent() && lo.get() instanceof Num n) {
            a = a.with(new Assumptions.Fact(subject, d.loOpen() ? Assumptions.Kind.GREATER : Assumptions.Kind.GREATER_EQUAL, n.value()));
        }
        if (hi.isPresent() && hi.get() instanceof Num n) {
            a = a.with(new Assumptions.Fact(subject, d.hiOpen() ? Assumptions.Kind.LESS : Assumptions.Kind.LESS_EQUAL, n.value()));
        }
        return a;
    }

    /**
     * Applies the assumptions that define a given by an expression ({@code assume v = lam*w},
     * {@code assume gL = 0}): the symbol is replaced by the expression.
     */
    public static Expr substitute(Problem p, Expr e) {
        Expr out = e;
        for (Relation r : p.assumptions()) {
            if (r.op() == derivcheck.expr.RelOp.EQ && r.lhs() instanceof derivcheck.expr.Norm n && n.arg() instanceof Sym v
                    && r.rhs() instanceof derivcheck.expr.Num z && z.value().isZero()) {
                // ||v|| = 0 means v = 0
                Expr zero = derivcheck.expr.Exprs.mul(java.util.List.of(derivcheck.expr.Num.ZERO, v), derivcheck.expr.Pos.NONE);
                out = derivcheck.expr.Exprs.transform(out, x -> x.equals(v) ? zero : null);
                continue;
            }
            if (r.op() == derivcheck.expr.RelOp.EQ && r.lhs() instanceof Sym s
                    && s.kind() == derivcheck.expr.SymKind.GIVEN && !derivcheck.expr.Exprs.mentions(r.rhs(), s.name())) {
                // `assume gL = 0` for a vector: the zero of its shape
                Expr rhs = r.rhs().isScalar() && !s.isScalar()
                        ? derivcheck.expr.Exprs.mul(java.util.List.of(derivcheck.expr.Num.ZERO, s), derivcheck.expr.Pos.NONE)
                        : r.rhs();
                out = derivcheck.expr.Exprs.transform(out, x -> x instanceof Sym y && y.name().equals(s.name())
                        && y.kind() == derivcheck.expr.SymKind.GIVEN ? rhs : null);
            }
        }
        return out;
    }

    /**
     * The entrywise facts about the entries v_k that occur in e, for vectors v with a declared interval
     * domain (`given c : vector[N] in (0, inf)`) or an assumption comparing the whole vector with a number
     * (`where c > 0`): they hold for every entry.
     */
    public static Assumptions ofEntries(Problem p, Expr e) {
        Assumptions[] a = {Assumptions.NONE};
        derivcheck.expr.Exprs.anyNode(e, x -> {
            if (x instanceof derivcheck.expr.Index ix && ix.indices().size() == 1 && ix.base() instanceof Sym v && v.shape().isVector()) {
                Optional<Domain> d = domain(p, v);
                if (d.isPresent()) a[0] = withDomain(a[0], x, d.get());
                for (Relation r : p.assumptions()) {
                    if (r.lhs().equals(v) && r.rhs() instanceof Num || r.rhs().equals(v) && r.lhs() instanceof Num) {
                        a[0] = with(a[0], new Relation(r.op(), r.lhs().equals(v) ? x : r.lhs(), r.rhs().equals(v) ? x : r.rhs(), r.pos()));
                    }
                }
            }
            return false;
        });
        return a[0];
    }

    /** The domain declared for a symbol, if any. */
    public static Optional<Domain> domain(Problem p, Sym s) {
        for (SymbolDecl d : p.givens()) if (d.name().equals(s.name())) return d.domain();
        for (SymbolDecl d : p.unknowns()) if (d.name().equals(s.name())) return d.domain();
        return Optional.empty();
    }
}
