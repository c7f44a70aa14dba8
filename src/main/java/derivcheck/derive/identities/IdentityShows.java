package derivcheck.derive.identities;

import derivcheck.derive.Attempt;
import derivcheck.derive.DeriveContext;
import derivcheck.derive.Step;
import derivcheck.derive.Strategy;
import derivcheck.model.Claim;
import derivcheck.model.Problem;
import java.util.ArrayList;
import java.util.List;

/**
 * Problems that ask to show identities ({@code show lhs = rhs}, possibly {@code for k in …}, or
 * an inequality): each is proven by writing out the definitions, substituting the assumptions,
 * Gram expansion and a symbolic zero (or sign) test, one step per identity. A claim the algebra
 * does not close is left undecided, never assumed: the numeric side checks it on samples.
 */
public final class IdentityShows implements Strategy {
    @Override public String name() { return "identities"; }

    @Override public Attempt attempt(Problem p, DeriveContext ctx) {
        if (p.shows().isEmpty()) return Attempt.declined("there is nothing to show");
        if (p.objective().isPresent() || !p.targets().isEmpty() || !p.conditions().isEmpty() || !p.solves().isEmpty()) {
            return Attempt.declined("the problem asks for more than identities");
        }
        List<Step> steps = new ArrayList<>();
        List<String> open = new ArrayList<>();
        for (Claim show : p.shows()) {
            IdentityProof.Outcome o = IdentityProof.prove(p, show, ctx);
            if (o.proven()) steps.addAll(o.steps());
            else open.add(o.notProven().get());
        }
        if (!open.isEmpty()) {
            return Attempt.undecided((steps.isEmpty() ? "" : (p.shows().size() - open.size()) + " of " + p.shows().size()
                    + " proven; ") + "not proven: " + String.join("; ", open));
        }
        return new Attempt.Derived(steps, List.of());
    }
}
