package derivcheck.numeric.verify;

import derivcheck.expr.Expr;
import derivcheck.expr.RelOp;
import derivcheck.expr.Relation;
import derivcheck.judge.Space;
import derivcheck.model.Domain;
import derivcheck.model.LetDef;
import derivcheck.model.SymbolDecl;
import derivcheck.numeric.Value;
import java.util.Optional;

/**
 * A problem's domain for the judge: the verifier's samples (which honour the domains and
 * assumptions), the model's evaluation (definitions, finite-difference gradients), and the
 * problem's plain `let` formulas. Up to three times the configured samples are drawn, so that
 * samples where the reference is undefined can be discarded and others drawn.
 */
final class ProblemSpace implements Space {
    private final NumericVerifier verifier;
    private final boolean confined;
    private String whyNot = "no sample could be drawn";

    ProblemSpace(NumericVerifier verifier) {
        this.verifier = verifier;
        boolean c = false;
        for (Relation r : verifier.problem().assumptions()) c |= r.op() == RelOp.EQ;
        for (SymbolDecl d : verifier.problem().givens()) {
            Optional<Domain> dom = d.domain();
            if (dom.isPresent() && dom.get().lo().isPresent() && dom.get().lo().equals(dom.get().hi())) c = true;
            c |= d.definition().isPresent();
        }
        this.confined = c;
    }

    @Override public Optional<Point> point(int k) {
        try {
            Sample s = verifier.sample(k);
            return Optional.of(new Point(k, s.sizes(), s.env(), s.drawn(), s.functions()));
        } catch (SamplingException e) {
            whyNot = e.getMessage();
            return Optional.empty();
        }
    }

    @Override public String whyNoPoint() { return whyNot; }

    @Override public int points() { return 3 * verifier.options().samples(); }

    @Override public int wanted() { return verifier.options().samples(); }

    @Override public Value eval(Expr e, Point p) { return verifier.model().eval(e, p.env()); }

    @Override public Optional<Expr> definition(String name) {
        return verifier.problem().let(name).filter(l -> l.range().isEmpty()).map(LetDef::body);
    }

    @Override public java.util.Set<derivcheck.model.MatrixProperty> properties(String name) {
        return verifier.problem().properties(name);
    }

    @Override public boolean confined() { return confined; }

    @Override public double tolerance(Expr a, Expr b) {
        return verifier.usesGradients(a) || verifier.usesGradients(b) ? NumericVerifier.FD_TOL : NumericVerifier.EXACT_TOL;
    }
}
