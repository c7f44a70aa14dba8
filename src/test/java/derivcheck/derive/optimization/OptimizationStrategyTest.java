package derivcheck.derive.optimization;

import static org.junit.jupiter.api.Assertions.*;

import derivcheck.cas.Cas;
import derivcheck.derive.Attempt;
import derivcheck.derive.ComputeTargets;
import derivcheck.derive.Engine;
import derivcheck.derive.Result;
import derivcheck.derive.SolveForUnknown;
import derivcheck.derive.Strategy;
import derivcheck.expr.Expr;
import derivcheck.expr.RelOp;
import derivcheck.expr.Relation;
import derivcheck.expr.Sym;
import derivcheck.expr.TextPrinter;
import derivcheck.model.Constraint;
import derivcheck.model.Domain;
import derivcheck.model.Problem;
import derivcheck.numeric.Compiled;
import derivcheck.numeric.Compiler;
import derivcheck.numeric.Env;
import derivcheck.numeric.OptimizationProblem;
import derivcheck.numeric.OptimizationResult;
import derivcheck.numeric.Optimizer;
import derivcheck.numeric.Rng;
import derivcheck.numeric.Value;
import derivcheck.numeric.verify.ProblemSampler;
import derivcheck.numeric.verify.VerifyOptions;
import derivcheck.source.ParseResult;
import derivcheck.source.SourceText;
import derivcheck.spec.SpecReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.junit.jupiter.api.Test;

/**
 * Each optimization strategy on the simplest problem of its shape (derived, and the result
 * checked numerically against the original objective on random instances) and on near-misses
 * (declined, with the reason).
 */
class OptimizationStrategyTest {
    private static final Engine ENGINE = Engine.standard(Cas.shared());

    // ------------------------------------------------------------------ helpers

    static Problem spec(String body) {
        ParseResult<Problem> r = SpecReader.read(new SourceText("t.prob", "problem t\n" + body));
        assertTrue(r.ok(), r::renderDiagnostics);
        return r.get();
    }

    private static Attempt attempt(Strategy s, Problem p) { return s.attempt(p, ENGINE.context(p)); }

    private static Result derived(Strategy s, Problem p) {
        Attempt a = attempt(s, p);
        assertInstanceOf(Attempt.Derived.class, a, () -> s.name() + " did not derive: " + a);
        List<Result> rs = ((Attempt.Derived) a).results();
        Sym x = Optimization.of(p).value().orElseThrow().unknown();
        return rs.stream().filter(r -> r.target().equals(x)).findFirst().orElseThrow();
    }

    private static void declines(Strategy s, Problem p, String reasonPart) {
        Attempt a = attempt(s, p);
        assertInstanceOf(Attempt.Declined.class, a, () -> s.name() + " should decline: " + a);
        String reason = ((Attempt.Declined) a).reason();
        assertTrue(reason.contains(reasonPart), () -> s.name() + " declined with '" + reason + "', expected '" + reasonPart + "'");
    }

    private static String print(Expr e) { return TextPrinter.print(e); }

    /** Is x (bound in env) feasible: every constraint (per index for 'for all') and the domain, with a tolerance. */
    private static boolean feasible(Optimization o, Env env, double tol) {
        for (Constraint c : o.constraints()) {
            int n = c.forAll().isPresent() ? ((Value.Vec) env.get(o.unknown().name())).size() : 1;
            for (int k = 1; k <= n; k++) {
                if (c.forAll().isPresent()) env.set(c.forAll().get().name(), k);
                for (Relation r : c.relations()) if (!holds(r, env, tol)) return false;
            }
        }
        Optional<Domain> d = o.declaration().domain();
        if (d.isPresent()) {
            double lo = d.get().lo().map(e -> Compiler.compile(e).evaluateScalar(env)).orElse(Double.NEGATIVE_INFINITY);
            double hi = d.get().hi().map(e -> Compiler.compile(e).evaluateScalar(env)).orElse(Double.POSITIVE_INFINITY);
            for (double v : env.get(o.unknown().name()).flatten()) {
                if (!(v > lo || (!d.get().loOpen() && v >= lo)) || !(v < hi || (!d.get().hiOpen() && v <= hi))) return false;
            }
        }
        return true;
    }

    private static boolean holds(Relation r, Env env, double tol) {
        double l = Compiler.compile(r.lhs()).evaluateScalar(env);
        double h = Compiler.compile(r.rhs()).evaluateScalar(env);
        return switch (r.op()) {
            case LE, LT -> l <= h + tol;
            case GE, GT -> l >= h - tol;
            case EQ -> Math.abs(l - h) <= tol;
            case NE -> true;
        };
    }

    /** Binds the symbols a result's conditions introduce (l in 'f(l) = ||a||, l > 0') by bisection. */
    private static void bindConditions(Result r, Problem p, Env env) {
        for (Relation c : r.conditions()) {
            if (c.op() != RelOp.EQ) continue;
            Optional<Sym> free = freeScalar(c.lhs(), p);
            if (free.isEmpty()) continue;
            Compiled lhs = Compiler.compile(c.lhs());
            double rhs = Compiler.compile(c.rhs()).evaluateScalar(env);
            double lo = 1e-12, hi = 1e6;
            for (int it = 0; it < 200; it++) {
                double mid = 0.5 * (lo + hi);
                env.set(free.get().name(), mid);
                if (lhs.evaluateScalar(env) < rhs) lo = mid; else hi = mid;
            }
            env.set(free.get().name(), 0.5 * (lo + hi));
        }
    }

    private static Optional<Sym> freeScalar(Expr e, Problem p) {
        List<Sym> out = new ArrayList<>();
        derivcheck.expr.Exprs.anyNode(e, x -> {
            if (x instanceof Sym s && s.isScalar() && p.symbol(s.name()).isEmpty()) out.add(s);
            return false;
        });
        return out.stream().findFirst();
    }

    /**
     * A counterexample to "value minimizes the problem", or empty: on random instances drawn
     * honouring the assumptions, the value must be feasible and no feasible point near it or
     * far from it may have a smaller objective.
     */
    static Optional<String> counterexample(Problem p, Expr value, Optional<Result> withConditions) {
        Optimization o = Optimization.of(p).value().orElseThrow();
        String x = o.unknown().name();
        Compiled f = Compiler.compile(o.objective());
        Compiled v = Compiler.compile(value);
        VerifyOptions opts = VerifyOptions.defaults().withSeed(17);
        if (!p.dims().isEmpty()) opts = opts.withSizes(Map.of(p.dims().get(0).sym().name(), 3));
        ProblemSampler sampler = new ProblemSampler(p, opts);
        Rng rng = new Rng(23);
        for (int k = 0; k < 8; k++) {
            Env env = sampler.draw(k).copyEnv();
            withConditions.ifPresent(r -> bindConditions(r, p, env));
            Value star = v.evaluate(env);
            env.set(x, star);
            if (!feasible(o, env, 1e-9)) return Optional.of("sample " + k + ": the value " + star + " is not feasible; " + env);
            double best = f.evaluateScalar(env);
            double[] s = star.flatten();
            int tried = 0;
            for (int t = 0; t < 1000; t++) {
                double[] y = s.clone();
                double scale = new double[] {1e-4, 1e-2, 0.3, 2}[t % 4];
                for (int i = 0; i < y.length; i++) {
                    y[i] = t % 5 == 4 ? s[i] * Math.exp(scale * rng.normal()) : (t % 7 == 6 ? scale * rng.normal() : y[i] + scale * rng.normal());
                }
                env.set(x, y.length == 1 && o.unknown().isScalar() ? Value.of(y[0]) : Value.of(new ArrayRealVector(y)));
                if (!feasible(o, env, 0)) continue;
                tried++;
                double fy = f.evaluateScalar(env);
                if (fy < best - 1e-9 * (1 + Math.abs(best))) {
                    return Optional.of("sample " + k + ": f(" + java.util.Arrays.toString(y) + ") = " + fy + " < f(value) = " + best
                            + " at value " + star + "; " + env);
                }
            }
            if (tried < 20) return Optional.of("sample " + k + ": only " + tried + " feasible points tried");
        }
        return Optional.empty();
    }

    private static void assertMinimizer(Problem p, Result r) {
        Optional<String> ce = counterexample(p, r.value(), r.conditions().isEmpty() ? Optional.empty() : Optional.of(r));
        assertTrue(ce.isEmpty(), () -> print(r.value()) + " is not the minimizer: " + ce.get());
    }

    // ------------------------------------------------------------------ affine stationarity

    private static final String RIDGE = """
              dim n
              given b : vector[n]
              given c : real where c > 0
              find x : vector[n]
              minimize c/2*||x||^2 - <b, x>
            """;

    @Test
    void affineStationarityDerivesBOverCForAnIsotropicQuadraticAndItIsTheMinimizer() {
        Problem p = spec(RIDGE);
        Result r = derived(new AffineStationarity(), p);
        assertEquals("b/c", print(r.value()));
        assertMinimizer(p, r);
    }

    @Test
    void affineStationarityResultAgreesWithTheNumericOptimizerForAMatrixQuadratic() {
        Problem p = spec("""
                  dim n
                  given X : matrix[n, n]
                  given t : vector[n]
                  given lambda : real where lambda > 0
                  find w : vector[n]
                  minimize ||X*w - t||^2 + lambda*||w||^2
                """);
        Result r = derived(new AffineStationarity(), p);
        Optimization o = Optimization.of(p).value().orElseThrow();
        ProblemSampler sampler = new ProblemSampler(p, VerifyOptions.defaults().withSeed(3).withSizes(Map.of("n", 3)));
        for (int k = 0; k < 4; k++) {
            Env env = sampler.draw(k).copyEnv();
            double[] closed = Compiler.compile(r.value()).evaluate(env).flatten();
            OptimizationResult num = new Optimizer(k).minimize(OptimizationProblem.minimize(3, Compiler.compile(o.objective()).asFunctionOf(env, "w")));
            for (int i = 0; i < 3; i++) assertEquals(num.x()[i], closed[i], 1e-4 * (1 + Math.abs(closed[i])), "entry " + i + " of sample " + k);
        }
    }

    @Test
    void crossCheckCatchesADeliberatelyWrongMinimizer() {
        Problem p = spec(RIDGE);
        Result r = derived(new AffineStationarity(), p);
        // b/(2c) is a stationary point of nothing here: the check must find a better point
        Expr wrong = derivcheck.expr.Exprs.mul(derivcheck.expr.Num.of(1, 2), r.value());
        assertTrue(counterexample(p, wrong, Optional.empty()).isPresent(), "b/(2c) must be refuted");
        // and an infeasible value is refuted for a constrained problem
        Problem ball = spec(RIDGE + "  subject to ||x|| <= 1\n");
        assertTrue(counterexample(ball, derivcheck.expr.Exprs.mul(derivcheck.expr.Num.of(5), r.value()), Optional.empty()).isPresent());
    }

    @Test
    void affineStationarityDeclinesAConstrainedProblem() {
        declines(new AffineStationarity(), spec(RIDGE + "  subject to ||x|| <= 1\n"), "constraints");
    }

    @Test
    void affineStationarityDeclinesANonAffineGradient() {
        declines(new AffineStationarity(), spec("""
                  dim n
                  given b : vector[n]
                  find x : vector[n]
                  minimize ||x||^4 - <b, x>
                """), "not affine");
    }

    @Test
    void affineStationarityDeclinesALinearObjective() {
        declines(new AffineStationarity(), spec("""
                  dim n
                  given b : vector[n]
                  find x : vector[n]
                  minimize <b, x>
                """), "linear");
    }

    @Test
    void affineStationarityDeclinesAConcaveQuadratic() {
        declines(new AffineStationarity(), spec("""
                  dim n
                  given b : vector[n]
                  given c : real where c > 0
                  find x : vector[n]
                  minimize -c*||x||^2 - <b, x>
                """), "concave");
    }

    // ------------------------------------------------------------------ radial

    @Test
    void radialDerivesTheQuarticStepWithItsScalarConditionAndItIsTheMinimizer() {
        Problem p = spec("""
                  dim n
                  given b : vector[n]
                  find x : vector[n]
                  minimize ||x||^4 - <b, x>
                """);
        Result r = derived(new Radial(), p);
        assertEquals("l/||b||*b", print(r.value()));
        assertEquals("4*l^3 = ||b||", TextPrinter.print(r.conditions().get(0)));
        assertMinimizer(p, r);
    }

    @Test
    void radialDeclinesAnAffineGradient() {
        declines(new Radial(), spec(RIDGE), "not of the form c(||x||)*x - a");
    }

    @Test
    void radialDeclinesAConstrainedProblem() {
        declines(new Radial(), spec(RIDGE + "  subject to ||x|| <= 1\n"), "unconstrained vector");
    }

    // ------------------------------------------------------------------ soft thresholding

    private static final String PROX_L1 = """
              dim n
              given v : vector[n]
              given lambda : real where lambda %s 0
              find x : vector[n]
              minimize lambda*||x||_1 + 1/2*||x - v||^2
            """;

    @Test
    void softThresholdDerivesTheL1ProximalStepAndItIsTheMinimizer() {
        Problem p = spec(PROX_L1.formatted(">"));
        Result r = derived(new SoftThreshold(), p);
        assertEquals("sign(v) .* max(abs(v) - lambda, 0)", print(r.value()));
        assertMinimizer(p, r);
    }

    @Test
    void softThresholdDeclinesANegativeWeight() {
        declines(new SoftThreshold(), spec(PROX_L1.formatted("<")), "not known to be >= 0");
    }

    @Test
    void softThresholdDeclinesAProblemWithoutAnL1Term() {
        declines(new SoftThreshold(), spec(RIDGE), "no term c*||x||_1");
    }

    @Test
    void softThresholdDeclinesANonIsotropicSmoothPart() {
        declines(new SoftThreshold(), spec("""
                  dim n
                  given v : vector[n]
                  given A : matrix[n, n]
                  find x : vector[n]
                  minimize ||x||_1 + 1/2*||A*x - v||^2
                """), "alpha*x - b");
    }

    // ------------------------------------------------------------------ scalar stationarity

    private static final String BARRIER = """
              given a : real where a > 0
              find x : real in %s
              minimize a*x - log(x)
            """;

    @Test
    void scalarStationarityDerivesTheLogBarrierMinimizerAndItIsTheMinimizer() {
        Problem p = spec(BARRIER.formatted("(0, inf)"));
        Result r = derived(new ScalarStationarity(), p);
        assertEquals("1/a", print(r.value()));
        assertMinimizer(p, r);
    }

    @Test
    void scalarStationarityUsesTheLogRulesForTheBinaryEntropy() {
        Problem p = spec("""
                  given a : real
                  find x : real in (0, 1)
                  minimize x*log(x) + (1-x)*log(1-x) - a*x
                """);
        Result r = derived(new ScalarStationarity(), p);
        assertEquals("sigmoid(a)", print(r.value()));
        assertMinimizer(p, r);
    }

    @Test
    void scalarStationarityDeclinesAClosedIntervalDomain() {
        declines(new ScalarStationarity(), spec(BARRIER.formatted("[0, inf)")), "not an open interval");
    }

    @Test
    void scalarStationarityDeclinesAVectorUnknown() {
        declines(new ScalarStationarity(), spec(RIDGE), "not a scalar");
    }

    // ------------------------------------------------------------------ separable stationarity

    @Test
    void separableStationarityDerivesTheEntropicStepAndItIsTheMinimizer() {
        Problem p = spec("""
                  dim n
                  given g : vector[n]
                  find x : vector[n] in (0, inf)
                  minimize <g, x> + sum(i = 1..n, x_i*log(x_i) - x_i)
                """);
        Result r = derived(new SeparableStationarity(), p);
        assertEquals("exp(-g)", print(r.value()));
        assertMinimizer(p, r);
    }

    @Test
    void separableStationarityDeclinesACoupledObjective() {
        declines(new SeparableStationarity(), spec("""
                  dim n
                  given A : matrix[n, n]
                  given g : vector[n]
                  find x : vector[n] in (0, inf)
                  minimize <A*x, x> + <g, x>
                """), "not a sum of per-coordinate terms");
    }

    @Test
    void separableStationarityDeclinesConstraints() {
        declines(new SeparableStationarity(), spec(RIDGE + "  subject to ||x|| <= 1\n"), "constraints besides a domain");
    }

    // ------------------------------------------------------------------ linear over a norm ball

    private static final String LINEAR_BALL = """
              dim n
              given c : vector[n]
              given r : real where r > 0
              assume ||c|| > 0
              find x : vector[n]
              minimize <c, x>
              subject to %s
            """;

    @Test
    void linearOverNormBallDerivesMinusRcOverNormCAndItIsTheMinimizer() {
        Problem p = spec(LINEAR_BALL.formatted("||x|| <= r"));
        Result r = derived(new LinearOverNormBall(), p);
        assertEquals("-r*c/||c||", print(r.value()));
        assertMinimizer(p, r);
    }

    @Test
    void linearOverNormBallDeclinesAnL1Ball() {
        declines(new LinearOverNormBall(), spec(LINEAR_BALL.formatted("||x||_1 <= r")), "not one Euclidean ball");
    }

    @Test
    void linearOverNormBallDeclinesAQuadraticObjective() {
        declines(new LinearOverNormBall(), spec(RIDGE + "  subject to ||x|| <= 1\n"), "not linear");
    }

    // ------------------------------------------------------------------ quadratic over a norm ball

    @Test
    void quadraticOverNormBallDerivesTheProjectionAndItIsTheMinimizer() {
        Problem p = spec("""
                  dim n
                  given y, m : vector[n]
                  given r : real where r > 0
                  find x : vector[n]
                  minimize ||x - y||^2
                  subject to ||x - m|| <= r
                """);
        Result r = derived(new QuadraticOverNormBall(), p);
        assertTrue(print(r.value()).contains("min(1, r/||y - m||)"), print(r.value()));
        assertMinimizer(p, r);
    }

    @Test
    void quadraticOverNormBallDeclinesALinearObjective() {
        declines(new QuadraticOverNormBall(), spec(LINEAR_BALL.formatted("||x|| <= r")), "alpha*x - b");
    }

    @Test
    void quadraticOverNormBallDeclinesABoxConstraint() {
        declines(new QuadraticOverNormBall(), spec(RIDGE + "  subject to ||x||_inf <= 1\n"), "not one Euclidean ball");
    }

    // ------------------------------------------------------------------ separable box

    private static final String LINEAR_BOX = """
              dim n
              given c, m : vector[n]
              given r : real where r > 0
              given lo, hi : real where lo < hi
              find x : vector[n]
              minimize <c, x>
              subject to %s
            """;

    @Test
    void separableBoxDerivesMMinusRSignCForAnAbsoluteValueBoxAndItIsTheMinimizer() {
        Problem p = spec(LINEAR_BOX.formatted("abs(x_i - m_i) <= r for all i"));
        Result r = derived(new SeparableBox(), p);
        assertEquals("m - r*sign(c)", print(r.value()));
        assertMinimizer(p, r);
    }

    @Test
    void separableBoxDerivesMinusRSignCForAnInfinityNormBallAndItIsTheMinimizer() {
        Problem p = spec(LINEAR_BOX.formatted("||x||_inf <= r"));
        Result r = derived(new SeparableBox(), p);
        assertEquals("-r*sign(c)", print(r.value()));
        assertMinimizer(p, r);
    }

    @Test
    void separableBoxGivesAnEntrywiseResultForAScalarBoundsBoxAndItIsTheMinimizer() {
        Problem p = spec(LINEAR_BOX.formatted("lo <= x_i <= hi for all i"));
        Attempt a = attempt(new SeparableBox(), p);
        assertInstanceOf(Attempt.Derived.class, a, () -> "did not derive: " + a);
        Result r = ((Attempt.Derived) a).results().get(0);
        assertTrue(r.range().isPresent(), "scalar bounds give the result entry by entry");
        var v = derivcheck.numeric.verify.NumericVerifier.checkResult(p, r.target(), r.value(), r.range(),
                derivcheck.numeric.verify.VerifyOptions.defaults().withSamples(6));
        assertTrue(v.verified(), () -> print(r.value()) + ": " + v.reason());
    }

    @Test
    void separableBoxDeclinesAQuadraticObjective() {
        declines(new SeparableBox(), spec(RIDGE + "  subject to ||x||_inf <= 1\n"), "not linear");
    }

    @Test
    void separableBoxDeclinesAnEuclideanBall() {
        declines(new SeparableBox(), spec(LINEAR_BALL.formatted("||x|| <= r")), "not one box");
    }

    @Test
    void separableBoxDeclinesAnUnconstrainedProblem() {
        declines(new SeparableBox(), spec(RIDGE), "no box constraint");
    }

    // ------------------------------------------------------------------ quadratic over a box

    @Test
    void quadraticOverBoxDerivesClippingForScalarBoundsAndItIsTheMinimizer() {
        Problem p = spec("""
                  dim n
                  given y : vector[n]
                  given lo, hi : real where lo < hi
                  find x : vector[n]
                  minimize 1/2*||x - y||^2
                  subject to lo <= x_i <= hi for all i
                """);
        Result r = derived(new QuadraticOverBox(), p);
        assertEquals("min(max(y, lo), hi)", print(r.value()));
        assertMinimizer(p, r);
    }

    @Test
    void quadraticOverBoxDerivesClippingForACentredBoxAndItIsTheMinimizer() {
        Problem p = spec("""
                  dim n
                  given y, m : vector[n]
                  given r : real where r > 0
                  find x : vector[n]
                  minimize ||x - y||^2
                  subject to abs(x_i - m_i) <= r for all i
                """);
        Result r = derived(new QuadraticOverBox(), p);
        assertMinimizer(p, r);
    }

    @Test
    void quadraticOverBoxDeclinesALinearObjective() {
        declines(new QuadraticOverBox(), spec(LINEAR_BOX.formatted("||x||_inf <= r")), "alpha*x - b");
    }

    @Test
    void quadraticOverBoxDeclinesAnEuclideanBall() {
        declines(new QuadraticOverBox(), spec(RIDGE + "  subject to ||x|| <= 1\n"), "not one box");
    }

    // ------------------------------------------------------------------ solve for, compute

    @Test
    void solveForSolvesALinearEquation() {
        Problem p = spec("""
                  given a, b : real where a > 0
                  find x : real
                  solve a*x + b = 0 for x
                """);
        Attempt a = attempt(new SolveForUnknown(), p);
        Result r = ((Attempt.Derived) a).results().get(0);
        assertEquals("-b/a", print(r.value()));
    }

    @Test
    void solveForDeclinesAProblemWithoutSolve() {
        declines(new SolveForUnknown(), spec(RIDGE), "no 'solve");
    }

    @Test
    void computeTargetsWritesOutALetDefinition() {
        Problem p = spec("""
                  dim n
                  given w, g : vector[n]
                  given eps : real
                  let u = w - eps*g
                  find u
                """);
        Attempt a = attempt(new ComputeTargets(), p);
        assertInstanceOf(Attempt.Derived.class, a, a::toString);
        assertEquals("w - eps*g", print(((Attempt.Derived) a).results().get(0).value()));
    }

    @Test
    void computeTargetsDeclinesAnOptimizationProblem() {
        declines(new ComputeTargets(), spec(RIDGE), "optimization problem");
    }

    @Test
    void computeTargetsDeclinesAGivenThatIsNotDefinedByAFormula() {
        declines(new ComputeTargets(), spec("""
                  given a : real
                  find a
                """), "not defined by a formula");
    }
}
