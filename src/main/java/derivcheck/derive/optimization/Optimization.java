package derivcheck.derive.optimization;

import derivcheck.derive.Lets;
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
 * An optimization problem in one unknown, as strategies see it: always a minimization
 * (maximize f is minimize -f), with every `let` inlined into objective and constraints.
 */
public record Optimization(Sym unknown, SymbolDecl declaration, Expr objective, Expr original,
                           boolean maximize, List<Constraint> constraints) {

    /** The view, or the reason the problem is not a one-unknown optimization problem. */
    public static Either of(Problem p) {
        if (p.objective().isEmpty()) return new Either(Optional.empty(), "there is no objective");
        if (p.unknowns().size() != 1) {
            return new Either(Optional.empty(), p.unknowns().isEmpty() ? "there is no unknown ('find x : …')"
                    : "it optimizes over " + p.unknowns().size() + " unknowns jointly");
        }
        Objective o = p.objective().get();
        Optional<Expr> full = Lets.fully(p, o.expr());
        if (full.isEmpty()) return new Either(Optional.empty(), "the objective uses an entrywise definition as a whole vector");
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
        return new Either(Optional.of(new Optimization(d.sym(), d, max ? Exprs.neg(f) : f, f, max, cs)), "");
    }

    /** The view or why not. */
    public record Either(Optional<Optimization> value, String whyNot) {}

    public boolean unconstrained() { return constraints.isEmpty() && declaration.domain().isEmpty(); }

    /** "minimize" or "maximize", for step texts. */
    public String sense() { return maximize ? "maximize" : "minimize"; }
}
