package derivcheck.derive.piecewise;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import derivcheck.cas.Cas;
import derivcheck.derive.DeriveContext;
import derivcheck.derive.Engine;
import derivcheck.expr.Add;
import derivcheck.expr.Apply;
import derivcheck.expr.Builtin;
import derivcheck.expr.Expr;
import derivcheck.expr.Exprs;
import derivcheck.expr.Mul;
import derivcheck.expr.Num;
import derivcheck.expr.Pow;
import derivcheck.expr.Relation;
import derivcheck.expr.Sym;
import derivcheck.model.Claim;
import derivcheck.model.Problem;
import derivcheck.source.ParseResult;
import derivcheck.source.SourceText;
import derivcheck.spec.SpecReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The region-by-region zero test: equal piecewise pairs are proven (with the assumptions they
 * need), unequal ones never are, and a generated pair it proves is equal at every sampled point.
 */
class PiecewiseRegionsTest {
    private static final Engine ENGINE = Engine.standard(Cas.shared());

    /** The show lines of a small spec over reals x, y, t, lo, hi, each as (lhs - rhs, its problem). */
    private static PiecewiseRegions.Outcome compare(String assume, String show) {
        String text = "problem t\n  title \"t\"\n  given x, y, t, lo, hi, r : real\n"
                + (assume.isEmpty() ? "" : "  assume " + assume + "\n") + "  show " + show + "\n";
        ParseResult<Problem> parsed = SpecReader.read(new SourceText("t.prob", text));
        assertTrue(parsed.ok(), parsed.renderDiagnostics());
        Problem p = parsed.get();
        Claim c = p.shows().get(0);
        Relation rel = c.relations().get(0);
        return PiecewiseRegions.zero(Exprs.sub(rel.lhs(), rel.rhs()), p.assumptions(), ENGINE.context(p));
    }

    private static void proved(String assume, String show) {
        PiecewiseRegions.Outcome o = compare(assume, show);
        assertTrue(o.proved(), show + " under '" + assume + "': " + o.reason());
    }

    private static void notProved(String assume, String show) {
        PiecewiseRegions.Outcome o = compare(assume, show);
        assertFalse(o.proved(), show + " under '" + assume + "' must not be proven: " + o.reason());
    }

    @Test
    void equalPiecewiseFormsAreProvenRegionByRegion() {
        proved("", "max(x, y) = x + y - min(x, y)");
        proved("", "abs(x) = sign(x)*x");
        proved("", "relu(x) = max(x, 0)");
        proved("", "max(x, y) = (x + y + abs(x - y))/2");
        proved("t > 0", "sign(x)*max(abs(x) - t, 0) = x - min(max(x, -t), t)");
        proved("lo < hi", "max(min(x, hi), lo) = min(max(x, lo), hi)");
        proved("r > 0, t > 0", "min(1, r/t)*x = r*x/max(r, t)");
        proved("", "cases(x if x > y, y otherwise) = max(x, y)");
        proved("", "[x > 0]*x = relu(x)");
    }

    @Test
    void unequalPiecewiseFormsAreNeverProven() {
        notProved("", "max(x, y) = x");
        notProved("", "abs(x) = x");
        notProved("", "sign(x)*x = x");
        // without lo < hi the two clips differ (lo > hi: one is lo, the other hi)
        notProved("", "max(min(x, hi), lo) = min(max(x, lo), hi)");
        // without t > 0 the soft threshold and the clipped residual differ (t < 0)
        notProved("", "sign(x)*max(abs(x) - t, 0) = x - min(max(x, -t), t)");
        notProved("t > 0", "sign(x)*max(abs(x) - t, 0) = x - min(max(x, -2*t), 2*t)");
        // differ only on the boundary x = 0: sign(0) = 0, [x >= 0] = 1 there
        notProved("", "sign(x) = 2*[x >= 0] - 1");
        notProved("", "cases(x if x > y, y if x < y) = max(x, y)"); // undefined where x = y
    }

    @Test
    void tooManyRegionsDeclinesWithTheReasonEvenWhenEqual() {
        PiecewiseRegions.Outcome o = compare("", "abs(x) + abs(y) + abs(t) + abs(lo) + abs(hi) + abs(r) + abs(x - y)"
                + " = sign(x)*x + sign(y)*y + sign(t)*t + sign(lo)*lo + sign(hi)*hi + sign(r)*r + sign(x - y)*(x - y)");
        assertFalse(o.proved());
        assertTrue(o.reason().contains("more than " + PiecewiseRegions.MAX_REGIONS + " regions"), o.reason());
    }

    // ---- property: whatever it proves holds at every sampled point ------------------------------

    private static final List<Sym> VARS = List.of(Sym.scalar("x"), Sym.scalar("y"), Sym.scalar("t"));

    private static Expr random(SplittableRandom rng, int depth) {
        if (depth == 0 || rng.nextInt(4) == 0) {
            return rng.nextInt(3) == 0 ? Num.of(rng.nextInt(-2, 3)) : VARS.get(rng.nextInt(VARS.size()));
        }
        return switch (rng.nextInt(7)) {
            case 0 -> Apply.of(Builtin.ABS, random(rng, depth - 1));
            case 1 -> Apply.of(Builtin.SIGN, random(rng, depth - 1));
            case 2 -> Apply.of(Builtin.MAX, random(rng, depth - 1), random(rng, depth - 1));
            case 3 -> Apply.of(Builtin.MIN, random(rng, depth - 1), random(rng, depth - 1));
            case 4 -> Apply.of(Builtin.RELU, random(rng, depth - 1));
            case 5 -> Exprs.add(random(rng, depth - 1), random(rng, depth - 1));
            default -> Exprs.mul(random(rng, depth - 1), random(rng, depth - 1));
        };
    }

    /** An equal rewrite of one node, chosen at random (so that some pairs are provable). */
    private static Expr rewrite(Expr e, SplittableRandom rng) {
        return Exprs.transform(e, x -> {
            if (rng.nextInt(3) != 0) return null;
            if (x instanceof Apply a && a.fn() == Builtin.MAX) {
                return Exprs.sub(Exprs.add(a.args().get(0), a.args().get(1)), Apply.of(Builtin.MIN, a.args().get(0), a.args().get(1)));
            }
            if (x instanceof Apply a && a.fn() == Builtin.ABS) return Exprs.mul(Apply.of(Builtin.SIGN, a.args().get(0)), a.args().get(0));
            if (x instanceof Apply a && a.fn() == Builtin.RELU) return Apply.of(Builtin.MAX, a.args().get(0), Num.ZERO);
            return null;
        });
    }

    private static double eval(Expr e, Map<String, Double> at) {
        if (e instanceof Num n) return n.value().toDouble();
        if (e instanceof Sym s) return at.get(s.name());
        if (e instanceof Add a) return a.terms().stream().mapToDouble(t -> eval(t, at)).sum();
        if (e instanceof Mul m) return m.factors().stream().mapToDouble(t -> eval(t, at)).reduce(1, (u, v) -> u * v);
        if (e instanceof Pow p && p.exponent() instanceof Num k) return Math.pow(eval(p.base(), at), k.value().toDouble());
        Apply a = (Apply) e;
        double u = eval(a.args().get(0), at);
        return switch ((Builtin) a.fn()) {
            case ABS -> Math.abs(u);
            case SIGN -> Math.signum(u);
            case RELU -> Math.max(u, 0);
            case MAX -> Math.max(u, eval(a.args().get(1), at));
            case MIN -> Math.min(u, eval(a.args().get(1), at));
            default -> throw new IllegalArgumentException(a.fn().toString());
        };
    }

    @Test
    void aGeneratedPairItProvesIsEqualAtEverySampledPoint() {
        SplittableRandom rng = new SplittableRandom(20261207L);
        ParseResult<Problem> parsed = SpecReader.read(new SourceText("t.prob", "problem t\n  title \"t\"\n  given x, y, t : real\n  show x = x\n"));
        DeriveContext ctx = ENGINE.context(parsed.get());
        int provedPairs = 0, unequalPairs = 0;
        for (int k = 0; k < 24; k++) {
            Expr a = random(rng, 3);
            Expr b = rng.nextBoolean() ? rewrite(a, rng) : random(rng, 3);
            PiecewiseRegions.Outcome o = PiecewiseRegions.zero(Exprs.sub(a, b), List.of(), ctx);
            // integers and half-integers, so that boundaries (x = y, x = 0) are hit too
            boolean equal = true;
            for (int s = 0; s < 400 && equal; s++) {
                Map<String, Double> at = Map.of("x", rng.nextInt(-6, 7) / 2.0, "y", rng.nextInt(-6, 7) / 2.0, "t", rng.nextInt(-6, 7) / 2.0);
                equal = Math.abs(eval(a, at) - eval(b, at)) < 1e-9;
            }
            for (int s = 0; s < 400 && equal; s++) {
                Map<String, Double> at = Map.of("x", rng.nextDouble(-3, 3), "y", rng.nextDouble(-3, 3), "t", rng.nextDouble(-3, 3));
                equal = Math.abs(eval(a, at) - eval(b, at)) < 1e-9 * (1 + Math.abs(eval(a, at)));
            }
            if (o.proved()) {
                provedPairs++;
                assertTrue(equal, "proved but different somewhere: " + derivcheck.expr.TextPrinter.print(a) + " vs "
                        + derivcheck.expr.TextPrinter.print(b) + " (" + o.reason() + ")");
            }
            if (!equal) unequalPairs++;
        }
        assertTrue(provedPairs >= 3, "some generated pairs are proven (" + provedPairs + ")");
        assertTrue(unequalPairs >= 3, "some generated pairs are unequal (" + unequalPairs + ")");
    }

    @Test
    void theLinearRegionTestFindsOnlyRealContradictions() {
        var r = LinearRegion.r(1);
        // x >= 1 and -x > 0: empty
        assertTrue(LinearRegion.empty(List.of(
                new LinearRegion.Constraint(r.negate(), Map.of("x", r), LinearRegion.Op.GE),
                new LinearRegion.Constraint(derivcheck.expr.Rational.ZERO, Map.of("x", r.negate()), LinearRegion.Op.GT))));
        // x >= 0 and -x >= 0: x = 0 is a point
        assertFalse(LinearRegion.empty(List.of(
                new LinearRegion.Constraint(derivcheck.expr.Rational.ZERO, Map.of("x", r), LinearRegion.Op.GE),
                new LinearRegion.Constraint(derivcheck.expr.Rational.ZERO, Map.of("x", r.negate()), LinearRegion.Op.GE))));
        // x - y = 0, y - t > 0, t - x >= 0: x = y > t >= x, empty
        List<LinearRegion.Constraint> cs = new ArrayList<>();
        cs.add(new LinearRegion.Constraint(derivcheck.expr.Rational.ZERO, Map.of("x", r, "y", r.negate()), LinearRegion.Op.EQ));
        cs.add(new LinearRegion.Constraint(derivcheck.expr.Rational.ZERO, Map.of("y", r, "t", r.negate()), LinearRegion.Op.GT));
        cs.add(new LinearRegion.Constraint(derivcheck.expr.Rational.ZERO, Map.of("t", r, "x", r.negate()), LinearRegion.Op.GE));
        assertTrue(LinearRegion.empty(cs));
    }
}
