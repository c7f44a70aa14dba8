package derivcheck.judge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import derivcheck.expr.Relation;
import derivcheck.model.Problem;
import derivcheck.numeric.verify.NumericVerifier;
import derivcheck.numeric.verify.VerifyOptions;
import derivcheck.source.ParseResult;
import derivcheck.source.SourceText;
import derivcheck.spec.SpecReader;
import org.junit.jupiter.api.Test;

/** Issue 17: the exact tier uses the spec's matrix facts (Aᵀ = A for a symmetric or diagonal A). */
class JudgeMatrixFactsTest {
    private static final String SPEC = """
            problem facts
              dim n
              given A : matrix[n, n] symmetric
              given D : matrix[n, n] diagonal
              given B : matrix[n, n]
              given w : vector[n]
              show A' = A
              show D' = D
              show B' = B
              show D*B = B*D
              show A'*w = A*w
              show (A + B)' = A + B'
            """;

    private static Judgement judge(int k) {
        ParseResult<Problem> r = SpecReader.read(new SourceText("facts.prob", SPEC));
        assertTrue(r.ok(), r.renderDiagnostics());
        Problem p = r.get();
        Relation rel = p.shows().get(k).relations().get(0);
        Judge j = Judge.numericOnly(NumericVerifier.of(p, VerifyOptions.defaults()).space());
        Judgement out = j.equal(rel.lhs(), rel.rhs());
        System.out.println(rel + ": " + out.summary() + " " + out.evidence());
        return out;
    }

    @Test
    void theTransposeOfADeclaredSymmetricMatrixIsExactlyEqualToIt() {
        Judgement j = judge(0);
        assertTrue(j.equal(), j.summary());
        assertEquals(Judgement.Tier.EXACT, j.tier());
        assertTrue(judge(4).equal());
        assertTrue(judge(5).equal());
    }

    @Test
    void theTransposeOfADeclaredDiagonalMatrixIsExactlyEqualToIt() {
        Judgement j = judge(1);
        assertTrue(j.equal(), j.summary());
        assertEquals(Judgement.Tier.EXACT, j.tier());
    }

    @Test
    void aMatrixWithoutFactsKeepsItsTransposeDifferentWithAPoint() {
        Judgement j = judge(2);
        assertEquals(Judgement.Kind.DIFFERENT, j.kind());
        assertTrue(j.counterexample().isPresent());
        // a diagonal D does not commute with a general B: the structure does not over-reach
        Judgement c = judge(3);
        assertFalse(c.equal(), c.summary());
    }
}
