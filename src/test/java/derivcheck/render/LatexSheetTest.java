package derivcheck.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import derivcheck.derive.Derivation;
import derivcheck.derive.Result;
import derivcheck.derive.Step;
import derivcheck.expr.Exprs;
import derivcheck.expr.Pos;
import derivcheck.expr.RelOp;
import derivcheck.expr.Relation;
import derivcheck.model.Problem;
import derivcheck.spec.Specs;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The statement and sheet writers: what a problem's part of the sheet says. */
class LatexSheetTest {
    private static final Problem PROX = Specs.parse("""
            problem prox
              title "Proximal step"
              source "Assignment 3b"
              dim n
              given g, theta_t : vector[n]   latex "\\tilde g^t", "\\theta^t"
              given lambda, eps : real       latex "\\lambda", "\\varepsilon"  where lambda > 0, eps > 0
              find theta : vector[n]         latex "\\theta^{t+1}"
              minimize <g, theta - theta_t> + lambda/2*||theta||^2 + 1/(2*eps)*||theta - theta_t||^2
              expect theta = (theta_t - eps*g)/(1 + eps*lambda)
            """);

    @Test void statementGroupsGivensAndUsesTheirAssumptions() {
        String s = new StatementWriter(PROX, LatexPrinter.of(PROX)).write();
        assertTrue(s.contains("Given $\\tilde g^t, \\theta^t \\in \\mathbb{R}^{n}$ and $\\lambda, \\varepsilon > 0$."), s);
        assertTrue(s.contains("Minimize over $\\theta^{t+1} \\in \\mathbb{R}^{n}$"), s);
        assertTrue(s.contains("f(\\theta^{t+1}) &= \\langle \\tilde g^t, \\theta^{t+1} - \\theta^t\\rangle"), s);
    }

    @Test void aDeclinedProblemGetsANeutralLineAndTheAuthorsAnswerButNoStrategyTalk() {
        Derivation d = new Derivation(Derivation.Status.DECLINED, "", List.of(), List.of(),
                List.of("affine stationarity: declined — no", "radial stationarity: declined — no"));
        String tex = new SheetWriter(true, SheetVerifier.NONE, 1).write(List.of(new SheetWriter.Entry(PROX, Optional.of(d))));
        assertTrue(tex.startsWith(SheetWriter.MARKER));
        assertTrue(tex.contains(SheetWriter.NOT_WORKED), tex);
        assertTrue(tex.contains("\\textbf{Answer.}"), tex);
        assertFalse(tex.contains("stationarity"), tex);
        String page = tex.replaceAll("(?m)^%.*$", "");
        assertFalse(page.contains("declined"), page);
        assertTrue(tex.contains("% derivation: declined"), tex);
        assertTrue(tex.contains("numeric check: not run"));
    }

    @Test void theAnswerKeyHasTheResultsAndNoStatementOrSteps() {
        var theta = PROX.symbol("theta").orElseThrow();
        var g = PROX.symbol("g").orElseThrow();
        Step s = Step.of("stationarity", new Relation(RelOp.EQ, theta, Exprs.neg(g), Pos.NONE), "set the gradient to zero");
        Derivation d = new Derivation(Derivation.Status.DERIVED, "affine stationarity", List.of(s),
                List.of(Result.of(theta, Exprs.neg(g))), List.of());
        String tex = new SheetWriter(SheetWriter.Kind.ANSWER_KEY, SheetVerifier.NONE, 1)
                .write(List.of(new SheetWriter.Entry(PROX, Optional.of(d))));
        assertTrue(tex.contains("\\boxed{\\theta^{t+1} = -\\tilde g^t}"), tex);
        assertTrue(tex.contains("\\title{Answer key}"), tex);
        assertFalse(tex.contains("Minimize"), tex);
        assertFalse(tex.contains("\\why{"), tex);
    }

    @Test void aDerivationPrintsItsStepsWithTheRuleBesideAndTheResultBoxed() {
        var theta = PROX.symbol("theta").orElseThrow();
        var g = PROX.symbol("g").orElseThrow();
        Step s = Step.of("stationarity", new Relation(RelOp.EQ, theta, Exprs.neg(g), Pos.NONE), "set the gradient to zero");
        Derivation d = new Derivation(Derivation.Status.DERIVED, "affine stationarity", List.of(s),
                List.of(Result.of(theta, Exprs.neg(g))), List.of());
        String tex = new SheetWriter(true, SheetVerifier.NONE, 1).write(List.of(new SheetWriter.Entry(PROX, Optional.of(d))));
        assertTrue(tex.contains("\\why{Set the gradient to zero.}\n\\theta^{t+1} &= -\\tilde g^t \\rulename{stationarity}"), tex);
        assertTrue(tex.contains("\\boxed{\\theta^{t+1} = -\\tilde g^t}"), tex);
    }

    @Test void theProblemsOnlyVersionHasNoSolutions() {
        String tex = new SheetWriter(false, SheetVerifier.NONE, 1).write(List.of(new SheetWriter.Entry(PROX, Optional.empty())));
        assertFalse(tex.contains("Solution}"));
        assertTrue(tex.contains("\\section[Proximal step]{Proximal step}"), tex);
    }

    @Test void verificationLinesReadAsText() {
        assertEquals("numeric check: not run", SheetVerificationLine.numericNotRun().text());
        assertEquals("numeric check: verified at 200 random instances (largest error 3.1e-12 <= 1.0e-08; seed 42)",
                SheetVerificationLine.numeric("at 200 random instances", 3.1e-12, 1e-8, 42).text());
        assertEquals("symbolic check: verified",
                SheetVerificationLine.symbolic(SheetVerificationLine.Verdict.VERIFIED).text());
    }

    @Test void aFigureAboveTheToleranceIsNeverPrintedBesideVerified() {
        SheetVerificationLine l = SheetVerificationLine.numeric("at 20 random instances", 1.0, 1e-8, 1);
        assertFalse(l.printsFigure());
        assertFalse(l.text().contains("1.0e+00"), l.text());
        assertTrue(l.text().contains("within its tolerance of 1.0e-08"), l.text());
    }

    @Test void textIsEscapedForLatex() {
        assertEquals("a\\_i \\textless{} 5\\% of \\$x \\& y", LatexText.escape("a_i < 5% of $x & y"));
    }

    @Test void anAssumptionThatTheLatexNamesAlreadySayIsNotPrinted() {
        Problem p = Specs.parse("""
                problem s
                  dim n
                  given w : vector[n]
                  given lam : real    latex "\\lambda"  where lam > 0
                  given v : vector[n] latex "\\lambda w"
                  assume v = lam*w
                  assume ||w|| > 0
                  find grad(||v||^2, v)
                """);
        String s = new StatementWriter(p, LatexPrinter.of(p)).write();
        assertFalse(s.contains("\\lambda w = \\lambda w"), s);
        assertTrue(s.contains("Assume $\\|w\\| > 0$."), s);
    }
}
