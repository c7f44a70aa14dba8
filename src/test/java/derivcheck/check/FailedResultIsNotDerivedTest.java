package derivcheck.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import derivcheck.cas.Cas;
import derivcheck.derive.Attempt;
import derivcheck.derive.Derivation;
import derivcheck.derive.DeriveContext;
import derivcheck.derive.Engine;
import derivcheck.derive.Result;
import derivcheck.derive.Step;
import derivcheck.derive.Strategy;
import derivcheck.expr.Expr;
import derivcheck.expr.Exprs;
import derivcheck.expr.Pos;
import derivcheck.expr.RelOp;
import derivcheck.expr.Relation;
import derivcheck.model.Problem;
import derivcheck.numeric.verify.VerifyOptions;
import derivcheck.source.SourceText;
import derivcheck.spec.SpecReader;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A derivation whose result fails its own numeric check is reported undecided, with the failing check. */
class FailedResultIsNotDerivedTest {
    private static final Problem P = SpecReader.read(new SourceText("t.prob", """
            problem t
              given a : real
              let f = a^3
              find grad(f, a)
            """)).get();

    /** A strategy that "derives" a wrong gradient (2a instead of 3a^2), as a buggy rule would. */
    private static final Strategy WRONG = new Strategy() {
        @Override public String name() { return "a wrong rule"; }

        @Override public Attempt attempt(Problem p, DeriveContext c) {
            Expr target = p.targets().get(0);
            Expr value = Exprs.mul(derivcheck.expr.Num.of(2), p.symbol("a").get());
            return new Attempt.Derived(List.of(Step.of("result", new Relation(RelOp.EQ, target, value, Pos.NONE), "wrong")),
                    List.of(Result.of(target, value)));
        }
    };

    @Test
    void aResultThatFailsItsNumericCheckMakesTheDerivationUndecidedWithTheFailureInItsNotes() {
        ProblemReport r = new ProblemChecker(new Engine(Cas.shared(), List.of(WRONG)), Optional.of(VerifyOptions.defaults())).check(P);
        assertTrue(r.results().get(0).numeric().orElseThrow().failed(), "the wrong result must fail numerically");
        assertEquals(Derivation.Status.UNDECIDED, r.derivation().status());
        assertTrue(r.derivation().notes().get(0).contains("fails its own numeric check"), r.derivation().notes().toString());
        assertTrue(r.anyFailed());
    }

    @Test
    void theReportPrintsItUndecidedWithTheFailingCheckAndNeverAsDerived() {
        ProblemReport r = new ProblemChecker(new Engine(Cas.shared(), List.of(WRONG)), Optional.of(VerifyOptions.defaults())).check(P);
        String text = derivcheck.render.DerivationText.print(r);
        assertTrue(!text.contains("derived by"), text);
        assertTrue(text.contains("undecided: a wrong rule"), text);
        assertTrue(text.contains("fails its own numeric check"), text);
        assertTrue(text.contains("numeric: failed"), text);
    }

    private static final Problem SHOW = SpecReader.read(new SourceText("s.prob", """
            problem s
              given a : real
              show a^2 = 2*a
            """)).get();

    /** A strategy that "proves" every show, as a buggy identity rule would: steps, no results. */
    private static final Strategy WRONG_PROOF = new Strategy() {
        @Override public String name() { return "a wrong proof"; }

        @Override public Attempt attempt(Problem p, DeriveContext c) {
            return new Attempt.Derived(List.of(Step.of("identity", p.shows().get(0).relations().get(0), "wrong")), List.of());
        }
    };

    @Test
    void aProvenIdentityThatFailsItsNumericCheckMakesTheDerivationUndecided() {
        ProblemReport r = new ProblemChecker(new Engine(Cas.shared(), List.of(WRONG_PROOF)), Optional.of(VerifyOptions.defaults())).check(SHOW);
        assertTrue(r.claims().get(0).numeric().orElseThrow().failed(), "a^2 = 2a must fail numerically");
        assertEquals(Derivation.Status.UNDECIDED, r.derivation().status());
        assertTrue(r.derivation().notes().get(0).contains("fails its numeric check"), r.derivation().notes().toString());
        assertTrue(!derivcheck.render.DerivationText.print(r).contains("derived by"), derivcheck.render.DerivationText.print(r));
    }

    @Test
    void aRightResultStaysDerived() {
        ProblemReport r = new ProblemChecker(Engine.standard(Cas.shared()), Optional.of(VerifyOptions.defaults())).check(P);
        assertEquals(Derivation.Status.DERIVED, r.derivation().status(), r.derivation().notes().toString());
    }
}
