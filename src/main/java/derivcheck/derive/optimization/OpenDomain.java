package derivcheck.derive.optimization;

import derivcheck.derive.Attempt;
import derivcheck.derive.DeriveContext;
import derivcheck.derive.Step;
import derivcheck.expr.Num;
import derivcheck.expr.Pos;
import derivcheck.expr.RelOp;
import derivcheck.expr.Relation;
import derivcheck.model.Constraint;
import derivcheck.model.Domain;
import derivcheck.model.Problem;
import derivcheck.model.SymbolDecl;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * x > 0 next to other constraints (sum(x) = 1, x > 0: the open simplex) is a domain, not a
 * constraint that can be active: a strict inequality never holds with equality, so its
 * multiplier is 0 at any KKT point. The problem is restated with x in (0, ∞) (the same set) and
 * handed to the fast paths of {@link Optimize}, which treat a domain as open (the entropy's log needs it).
 */
final class OpenDomain {
    private OpenDomain() {}

    static Attempt attempt(Problem p, Optimization o, DeriveContext ctx) {
        KktConstraints cs = o.kkt();
        SymbolDecl u = p.unknowns().get(0);
        if (u.domain().isPresent()) {
            Domain d = u.domain().get();
            if (!(d.lo().isPresent() && d.lo().get() instanceof Num lo && lo.value().num().signum() >= 0)) {
                return Attempt.declined("x > 0 next to the domain of " + u.name() + ": the two are not combined");
            }
        }
        Domain open = u.domain().orElse(new Domain(Optional.of(Num.ZERO), true, Optional.empty(), true));
        List<Constraint> rest = new ArrayList<>();
        for (Constraint c : p.constraints()) {
            List<Relation> keep = new ArrayList<>();
            for (Relation r : c.relations()) if (!cs.openPositivity().contains(r)) keep.add(r);
            if (!keep.isEmpty()) rest.add(new Constraint(keep, c.forAll(), c.pos()));
        }
        SymbolDecl restated = new SymbolDecl(u.sym(), Optional.of(open), u.latex(), u.definition());
        Problem q = new Problem(p.name(), p.title(), p.source(), p.statement(), p.file(), p.pos(), p.dims(), p.givens(),
                List.of(restated), p.functions(), p.randoms(), p.assumptions(), p.lets(), p.objective(), rest, p.targets(),
                p.conditions(), p.solves(), p.shows(), p.expects(), p.mistakes(), p.matrixFacts(), p.points());
        List<String> why = new ArrayList<>();
        Optimization restatedView = Optimization.of(q).value().orElseThrow();
        DeriveContext restatedContext = new DeriveContext(ctx.cas(), q);
        for (FastPath s : Optimize.WAYS) {
            if (s instanceof KktCore) continue;
            Attempt a = s.on(q, restatedView, restatedContext);
            if (a instanceof Attempt.Derived d) {
                List<Step> steps = new ArrayList<>();
                Relation positive = cs.openPositivity().get(0);
                steps.add(Step.explained("open domain", List.of(new Relation(RelOp.GT, u.sym(), Num.ZERO, Pos.NONE)),
                        "the strict inequality ", positive, " is never active (its multiplier is 0): it is the open domain of ",
                        u.sym(), ", and the problem is solved on it (" + s.name() + ")"));
                steps.addAll(d.steps());
                return new Attempt.Derived(steps, d.results());
            }
            if (a instanceof Attempt.Undecided un) return Attempt.undecided("with x > 0 as the open domain, " + s.name() + ": " + un.reason());
            if (why.size() < 2 && !(a instanceof Attempt.Declined dd && dd.reason().startsWith("the problem is"))) {
                why.add(s.name() + ": " + ((Attempt.Declined) a).reason());
            }
        }
        return Attempt.declined("with " + u.name() + " > 0 read as its open domain no strategy applies (" + String.join("; ", why) + ")");
    }
}
