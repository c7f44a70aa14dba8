package derivcheck.judge;

import static org.junit.jupiter.api.Assertions.fail;

import derivcheck.expr.Expr;
import derivcheck.expr.Relation;
import derivcheck.model.Problem;
import derivcheck.source.ParseResult;
import derivcheck.source.SourceText;
import derivcheck.spec.SpecReader;
import java.util.List;

/** Test helpers: a pair of expressions (and assumptions) read with the spec language's own grammar. */
final class Pairs {
    private Pairs() {}

    static final String DECLS = """
            problem pairs
              dim n
              given a, b, c, d, k, p, q, r, s, t, x, y, z : real
              given u, v, w : vector[n]
              given A, B, C : matrix[n, n]
            """;

    /** answer, reference and the assumptions ("" for none; comma-separated relations otherwise). */
    record Pair(Expr answer, Expr reference, List<Relation> assumptions) {}

    static Pair read(String answer, String reference, String assume) {
        String text = DECLS + (assume.isBlank() ? "" : "  assume " + assume + "\n") + "  show " + answer + " = " + reference + "\n";
        ParseResult<Problem> r = SpecReader.read(new SourceText("pair.prob", text));
        if (!r.ok()) fail("the pair does not read:\n" + r.renderDiagnostics());
        Problem p = r.get();
        Relation rel = p.shows().get(0).relations().get(0);
        return new Pair(rel.lhs(), rel.rhs(), p.assumptions());
    }

    static Judgement judge(String answer, String reference, String assume) {
        Pair p = read(answer, reference, assume);
        Space space = FreeSpace.over(List.of(p.answer(), p.reference()), p.assumptions());
        return Judge.numericOnly(space).equal(p.answer(), p.reference());
    }
}
