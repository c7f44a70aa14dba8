package derivcheck.derive.optimization;

import derivcheck.derive.Calculus;
import derivcheck.derive.DeriveContext;
import derivcheck.derive.Lets;
import derivcheck.derive.Tidy;
import derivcheck.derive.linear.AffineForm;
import derivcheck.expr.Expr;
import derivcheck.expr.Exprs;
import derivcheck.expr.Relation;
import derivcheck.expr.Sym;
import derivcheck.model.Constraint;
import derivcheck.model.Objective;
import derivcheck.model.Problem;
import derivcheck.model.SymbolDecl;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An optimization problem in one unknown, prepared once for every fast path and the KKT core (see
 * {@link Optimize}): always a minimization (maximize f is minimize -f), with every `let` inlined
 * into objective and constraints; the gradient of the minimized objective ({@code Calculus}; empty
 * where its rules cannot differentiate it) and the constraints as the KKT core sorts them
 * ({@link KktConstraints}). The facts of the spec are in the derivation's context.
 */
public record Optimization(Sym unknown, SymbolDecl declaration, Expr objective, Expr original,
                           boolean maximize, List<Constraint> constraints, Optional<Expr> gradient, KktConstraints kkt) {

    /** The view, or the reason the problem is not a one-unknown optimization problem. */
    public static Either of(Problem p) {
        if (p.objective().isEmpty()) return new Either(Optional.empty(), "there is no objective");
        if (p.unknowns().size() != 1) {
            return new Either(Optional.empty(), p.unknowns().isEmpty() ? "there is no unknown ('find x : …')"
                    : "it optimizes over " + p.unknowns().size() + " unknowns jointly");
        }
        Objective o = p.objective().get();
        Optional<Expr> full = Lets.fully(p, o.expr());
        // an index-defined vector used as a whole: its entrywise vector form, when its body has one
        if (full.isEmpty()) full = derivcheck.derive.WholeVectors.inline(p, o.expr());
        if (full.isEmpty()) return new Either(Optional.empty(), "the objective uses an entrywise definition as a whole vector, and its"
                + " entries are not an entrywise formula in vectors of its length (a shift, a sum, or a scalar added to an entry)");
        Expr f = full.get();
        boolean max = o.sense() == Objective.Sense.MAXIMIZE;
        List<Constraint> cs = new ArrayList<>();
        for (Constraint c : p.constraints()) {
            List<Relation> rs = new ArrayList<>();
            for (Relation r : c.relations()) {
                rs.add(new Relation(r.op(), Lets.inline(p, r.lhs()), Lets.inline(p, r.rhs()), r.pos()));
            }
            cs.add(new Constraint(rs, c.forAll(), c.pos()));
        }
        SymbolDecl d = p.unknowns().get(0);
        Expr minimized = max ? Exprs.neg(f) : f;
        return new Either(Optional.of(new Optimization(d.sym(), d, minimized, f, max, cs,
                Calculus.gradient(minimized, d.sym()), KktConstraints.read(cs, d.sym()))), "");
    }

    /** The view or why not. */
    public record Either(Optional<Optimization> value, String whyNot) {}

    /** c for a linear objective ⟨c, x⟩ + const: the gradient, when it is free of x (tidied). */
    public Optional<Expr> linearGradient(DeriveContext ctx) {
        Optional<AffineForm> g = gradient.flatMap(grad -> AffineForm.of(grad, unknown));
        if (g.isEmpty() || g.get().hasMatrixPart() || g.get().radial() || !Exprs.isZero(ctx.simplify(g.get().scalarPart()))) {
            return Optional.empty();
        }
        return Optional.of(Tidy.of(g.get().rest(), ctx));
    }

    public boolean unconstrained() { return constraints.isEmpty() && declaration.domain().isEmpty(); }

    /** "minimize" or "maximize", for step texts. */
    public String sense() { return maximize ? "maximize" : "minimize"; }
}
