package derivcheck.judge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static derivcheck.judge.EqualRewrites.*;

import derivcheck.expr.Builtin;
import derivcheck.expr.Dim;
import derivcheck.expr.Expr;
import derivcheck.expr.Exprs;
import derivcheck.expr.Inner;
import derivcheck.expr.Mul;
import derivcheck.expr.Norm;
import derivcheck.expr.NormKind;
import derivcheck.expr.Num;
import derivcheck.expr.Pos;
import derivcheck.expr.RelOp;
import derivcheck.expr.Relation;
import derivcheck.expr.Shape;
import derivcheck.expr.Sym;
import derivcheck.expr.SymKind;
import derivcheck.expr.Transpose;
import derivcheck.expr.Apply;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seeded random answers against a reference: rewrites that keep the value (reordering, distributing,
 * splitting fractions, moving signs) are never judged different; slips (a flipped sign, a factor, a
 * dropped term, a transposed product) are judged different in most cases. The rates are printed.
 */
class AlgebraRewritesPropertyTest {
    // the generator: EqualRewrites (shared with the numeric tier's property test)
    private static Judgement judge(Expr answer, Expr reference) {
        Space space = FreeSpace.over(List.of(answer, reference), ASSUME, 7L, 40);
        return Judge.numericOnly(space).equal(answer, reference);
    }

    @Test
    void rewritesAreNeverDifferentAndSlipsAreDifferentInMostCases() {
        Random r = new Random(20261206L);
        int equalRuns = 0, falseDifferent = 0, equalUndecided = 0;
        int slipRuns = 0, caught = 0;
        int[] caughtBy = new int[4], runsBy = new int[4];
        List<String> falseAlarms = new ArrayList<>();
        for (int run = 0; run < 60; run++) {
            boolean vector = run % 3 == 2;
            List<Term> ts = terms(r, vector);
            Expr ref = reference(ts);
            for (int kind = 0; kind < 4; kind++) {
                Expr ans = rewrite(ts, r, kind);
                Judgement j = judge(ans, ref);
                equalRuns++;
                if (j.different()) { falseDifferent++; falseAlarms.add(ans + " vs " + ref + ": " + j.summary()); }
                if (j.undecided()) equalUndecided++;
                Expr bad = slip(ts, r, kind, vector);
                Judgement s = judge(bad, ref);
                slipRuns++;
                runsBy[kind]++;
                if (s.different()) { caught++; caughtBy[kind]++; }
            }
        }
        System.out.printf("rewrites: %d, judged different %d, undecided %d%n", equalRuns, falseDifferent, equalUndecided);
        System.out.printf("slips: %d, judged different %d (%.1f%%); sign %d/%d, factor %d/%d, dropped term %d/%d, transposed %d/%d%n",
                slipRuns, caught, 100.0 * caught / slipRuns, caughtBy[0], runsBy[0], caughtBy[1], runsBy[1], caughtBy[2], runsBy[2],
                caughtBy[3], runsBy[3]);
        assertEquals(0, falseDifferent, String.join("\n", falseAlarms));
        assertTrue(equalUndecided * 20 <= equalRuns, equalUndecided + " rewrites undecided");
        assertTrue(caught * 10 >= slipRuns * 9, "only " + caught + " of " + slipRuns + " slips caught");
    }
}
