package derivcheck.derive.optimization;

import derivcheck.cas.Assumptions;
import derivcheck.derive.Facts;
import derivcheck.derive.Names;
import derivcheck.expr.Expr;
import derivcheck.expr.Exprs;
import derivcheck.expr.Index;
import derivcheck.expr.Pos;
import derivcheck.expr.Shape;
import derivcheck.expr.Sym;
import derivcheck.expr.SymKind;
import derivcheck.model.Domain;
import derivcheck.model.Problem;
import derivcheck.model.SymbolDecl;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A separable objective written for one coordinate i with scalar stand-ins v_i for the
 * entries (so the CAS sees plain symbols), the facts the domains give them, and the way back
 * from stand-ins to entries.
 */
record Scalarized(Sym index, Expr phi, Sym unknown, Map<Sym, Expr> back, Assumptions facts, Optional<Domain> domain) {

    /** The scalarized objective, or why the problem does not separate (in {@code whyNot[0]}). */
    static Optional<Scalarized> of(Problem p, Optimization o, String[] whyNot) {
        Sym x = o.unknown();
        Sym i = new Sym(Names.freshIndex(p, "i"), Shape.SCALAR, SymKind.INDEX, Pos.NONE);
        Optional<Expr> phi = Separation.perCoordinate(o.objective(), x, i);
        if (phi.isEmpty()) {
            whyNot[0] = "the objective is not a sum of per-coordinate terms";
            return Optional.empty();
        }
        Map<Expr, Sym> entries = new HashMap<>();
        Expr scalarPhi = Exprs.transform(phi.get(), e -> {
            if (e instanceof Index ix && ix.base() instanceof Sym b && ix.indices().equals(List.of(i))) {
                return entries.computeIfAbsent(e, k -> new Sym(b.name() + "_" + i.name(), Shape.SCALAR,
                        b.name().equals(x.name()) ? SymKind.UNKNOWN : SymKind.GIVEN, Pos.NONE));
            }
            return null;
        });
        Sym xi = entries.get(new Index(x, List.of(i), Pos.NONE));
        if (xi == null) {
            whyNot[0] = "the objective does not depend on the coordinates of " + x.name();
            return Optional.empty();
        }
        Assumptions facts = Assumptions.NONE;
        for (SymbolDecl g : p.givens()) {
            if (!g.sym().shape().isVector()) continue;
            Sym stand = entries.get(new Index(g.sym(), List.of(i), Pos.NONE));
            if (stand != null && g.domain().isPresent()) facts = Facts.withDomain(facts, stand, g.domain().get());
        }
        Optional<Domain> domain = o.declaration().domain();
        if (domain.isPresent()) {
            if (!(domain.get().loOpen() && domain.get().hiOpen())) {
                whyNot[0] = "the domain is not an open interval";
                return Optional.empty();
            }
            facts = Facts.withDomain(facts, xi, domain.get());
        }
        Map<Sym, Expr> back = new HashMap<>();
        entries.forEach((entry, stand) -> back.put(stand, entry));
        return Optional.of(new Scalarized(i, scalarPhi, xi, back, facts, domain));
    }

    /** A coordinate formula in stand-ins, written with the entries again. */
    Expr entries(Expr e) {
        return Exprs.transform(e, x -> x instanceof Sym s ? back.get(s) : null);
    }

    /** Does the expression depend on the coordinate (mention a stand-in)? */
    boolean dependsOnCoordinate(Expr e) {
        return Exprs.anyNode(e, x -> x instanceof Sym s && back.containsKey(s));
    }
}
