package derivcheck.derive;

import static org.junit.jupiter.api.Assertions.assertTrue;

import derivcheck.cas.Cas;
import derivcheck.expr.Apply;
import derivcheck.expr.Builtin;
import derivcheck.expr.Dim;
import derivcheck.expr.Expr;
import derivcheck.expr.Exprs;
import derivcheck.expr.Index;
import derivcheck.expr.Norm;
import derivcheck.expr.NormKind;
import derivcheck.expr.Pos;
import derivcheck.expr.Shape;
import derivcheck.expr.Sym;
import derivcheck.expr.SymKind;
import derivcheck.expr.TextPrinter;
import derivcheck.model.Problem;
import derivcheck.source.ParseResult;
import derivcheck.source.SourceText;
import derivcheck.spec.SpecReader;
import java.util.Arrays;
import java.util.List;

/** Small builders of expressions and specs shared by the derive helpers' unit tests. */
public final class ExprFixtures {
    private ExprFixtures() {}

    private static final Engine ENGINE = Engine.standard(Cas.shared());
    private static final Pos P = Pos.NONE;

    public static Sym vec(String name) { return new Sym(name, new Shape.Vector(Dim.of("n")), SymKind.GIVEN, P); }
    public static Expr mul(Expr... f) { return Exprs.mul(List.of(f), P); }
    public static Expr add(Expr... t) { return Exprs.add(List.of(t), P); }
    public static Expr sub(Expr a, Expr b) { return Exprs.sub(a, b); }
    public static Expr norm(Expr a) { return new Norm(a, NormKind.L2, P); }
    public static Expr norm(Expr a, NormKind k) { return new Norm(a, k, P); }
    public static Expr at(Expr v, Expr i) { return new Index(v, List.of(i), P); }
    public static Expr ap(Builtin f, Expr... a) { return new Apply(f, Arrays.asList(a), P); }
    public static String print(Expr e) { return TextPrinter.print(e); }

    /** The spec "problem t" with {@code body}, failing the test with its diagnostics when it does not read. */
    public static Problem spec(String body) {
        ParseResult<Problem> r = SpecReader.read(new SourceText("t.prob", "problem t\n" + body));
        assertTrue(r.ok(), r::renderDiagnostics);
        return r.get();
    }

    /** A context whose facts say c, eps, lambda > 0 and a < 0. */
    public static DeriveContext ctx() {
        return ENGINE.context(spec("""
                  dim n
                  given c, eps, lambda : real where c > 0, eps > 0, lambda > 0
                  given a : real where a < 0
                  find x : vector[n]
                  minimize <x, x>
                """));
    }
}
