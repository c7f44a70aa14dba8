package derivcheck.numeric;

import static derivcheck.numeric.Ex.*;
import static org.junit.jupiter.api.Assertions.*;

import derivcheck.expr.Dim;
import derivcheck.expr.Expr;
import derivcheck.expr.NormKind;
import derivcheck.expr.Shape;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FlatLayoutTest {
    @Test
    void layoutConcatenatesScalarVectorAndRowMajorMatrix() {
        Env env = new Env().set("a", 5).setVector("x", 1, 2).set("W", Value.matrix(new double[][] {{1, 2, 3}, {4, 5, 6}}));
        FlatLayout l = FlatLayout.of(env, List.of("a", "x", "W"));
        assertEquals(9, l.size());
        assertEquals(3, l.offset("W"));
        assertArrayEquals(new double[] {5, 1, 2, 1, 2, 3, 4, 5, 6}, l.flatten(env), 0);
        double[] p = {0, 9, 8, 6, 5, 4, 3, 2, 1};
        Env back = l.assign(env.copy(), p);
        assertArrayEquals(new double[] {6, 5, 4, 3, 2, 1}, back.get("W").flatten(), 0);
        assertEquals("matrix[2,3]", back.get("W").describe());
        assertEquals(0.0, back.get("a").asDouble());
    }

    @Test
    void layoutFromDeclaredShapesAndTwoUnknownOptimization() {
        // min ||u - c||^2 + (s - 2)^2 over u in R^2, s real: u = c, s = 2
        Map<String, Shape> shapes = new LinkedHashMap<>();
        shapes.put("u", new Shape.Vector(Dim.of("n")));
        shapes.put("t", Shape.SCALAR);
        FlatLayout l = FlatLayout.of(shapes, Map.of("n", 2));
        assertEquals(3, l.size());
        Expr f = add(pow(norm(sub(vec("u", "n"), vec("c", "n")), NormKind.L2), n(2)), pow(sub(s("t"), n(2)), n(2)));
        Env env = new Env().size("n", 2).setVector("c", 0.5, -1.5);
        var obj = Compiler.compile(f).asFunctionOf(env, l);
        OptimizationResult r = new Optimizer(3).minimize(OptimizationProblem.minimize(l.size(), obj));
        assertArrayEquals(new double[] {0.5, -1.5}, l.value("u", r.x()).flatten(), 1e-6);
        assertEquals(2.0, l.value("t", r.x()).asDouble(), 1e-6);
        assertNull(env.get("u"), "the base environment is not changed");
    }

    @Test
    void rngDrawsValuesOfDeclaredShapes() {
        Rng r = new Rng(1);
        Map<String, Integer> sizes = Map.of("n", 3, "m", 2);
        assertEquals("number", r.value(Shape.SCALAR, sizes, Interval.POSITIVE).describe());
        assertEquals("vector[3]", r.value(new Shape.Vector(Dim.of("n")), sizes, Interval.REAL).describe());
        Value w = r.value(new Shape.Matrix(Dim.of("m"), Dim.of("n")), sizes, Interval.UNIT_OPEN);
        assertEquals("matrix[2,3]", w.describe());
        for (double d : w.flatten()) assertTrue(d > 0 && d < 1);
        assertThrows(EvaluationException.class, () -> r.value(new Shape.Vector(Dim.of("k")), sizes, Interval.REAL));
    }
}
