package derivcheck.spec;

import static org.junit.jupiter.api.Assertions.fail;

import derivcheck.expr.Dim;
import derivcheck.expr.Expr;
import derivcheck.expr.Pos;
import derivcheck.expr.Shape;
import derivcheck.expr.Sym;
import derivcheck.expr.SymKind;
import derivcheck.model.Problem;
import derivcheck.source.ParseResult;
import derivcheck.source.SourceText;

/** Test helpers: read spec text, and build the expressions the tests expect. */
public final class Specs {
    private Specs() {}

    /** Declarations every expression test can use. */
    public static final String DECLS = """
            problem t
              dim n, m, N >= 3
              given a, b, c : real
              given x, y : vector[n]
              given u : vector[m]
              given A : matrix[m, n]
              given S, W : matrix[n, n]
              given theta_t : vector[n]
              given rho : function
            """;

    public static ParseResult<Problem> read(String text) {
        return SpecReader.read(new SourceText("test.prob", text));
    }

    /** The problem, failing the test with the rendered diagnostics if it has errors. */
    public static Problem parse(String text) {
        ParseResult<Problem> r = read(text);
        if (!r.ok()) fail("expected no errors, got:\n" + r.renderDiagnostics());
        return r.get();
    }

    /** An expression read as {@code let e = TEXT} after {@link #DECLS}. */
    public static Expr expr(String text) { return expr(DECLS, text); }

    /** An expression read as {@code let e = TEXT} after the given declarations. */
    public static Expr expr(String decls, String text) {
        return parse(decls + "  let e = " + text + "\n").let("e").orElseThrow().body();
    }

    public static Dim n() { return Dim.of("n"); }

    public static Sym scalar(String name) { return new Sym(name, Shape.SCALAR, SymKind.GIVEN, Pos.NONE); }

    public static Sym vector(String name, String dim) {
        return new Sym(name, new Shape.Vector(Dim.of(dim)), SymKind.GIVEN, Pos.NONE);
    }

    public static Sym matrix(String name, String rows, String cols) {
        return new Sym(name, new Shape.Matrix(Dim.of(rows), Dim.of(cols)), SymKind.GIVEN, Pos.NONE);
    }

    public static Sym index(String name) { return new Sym(name, Shape.SCALAR, SymKind.INDEX, Pos.NONE); }

    public static Sym dim(String name) { return new Sym(name, Shape.SCALAR, SymKind.DIM, Pos.NONE); }
}
