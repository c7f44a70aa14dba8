package derivcheck.numeric.verify;

import derivcheck.expr.Expr;
import derivcheck.expr.Exprs;
import derivcheck.expr.Grad;
import derivcheck.expr.Pos;
import derivcheck.expr.RelOp;
import derivcheck.expr.Relation;
import derivcheck.expr.Sym;
import derivcheck.expr.SymKind;
import derivcheck.model.Claim;
import derivcheck.model.IndexRange;
import derivcheck.model.Mistake;
import derivcheck.model.Problem;
import derivcheck.model.SolveFor;
import derivcheck.model.SuchThat;
import derivcheck.model.SymbolDecl;
import derivcheck.numeric.Comparison;
import derivcheck.numeric.Env;
import derivcheck.numeric.EvaluationException;
import derivcheck.numeric.NotEvaluableException;
import derivcheck.numeric.OptimizationResult;
import derivcheck.numeric.Optimizer;
import derivcheck.numeric.Rng;
import derivcheck.numeric.Value;
import derivcheck.numeric.verify.NumericVerdict.Counterexample;
import derivcheck.numeric.verify.NumericVerdict.Kind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Numeric verification of a problem's claims, independent of any derivation: every check goes
 * back to the original statement.
 *
 * <ul>
 *   <li><b>condition</b> (the claim is about the unknown of {@code find u such that C}): an
 *       equality {@code u = E} is plugged into C; an inequality claim is compared with C at
 *       points on both sides of its boundary and at random points: inside the claimed set C must
 *       hold, outside it must fail.</li>
 *   <li><b>solve</b> ({@code solve A = B for u}, claim {@code u = E}): E is plugged into A = B.</li>
 *   <li><b>optimization</b> (the claim mentions the unknown or the optimal value): the original
 *       problem is solved numerically at each sample (several starts); a candidate
 *       {@code x = E} must be feasible and no worse than the numeric optimum (the minimizer need
 *       not be unique); {@code min = E} is compared with the numeric optimal value; any other
 *       claim is evaluated at the numeric minimizer.</li>
 *   <li><b>monte-carlo</b> (E[.], Var[.]): estimates with standard errors, |z| > 5 fails; random
 *       symbols known only by their moments are drawn from two distributions (normal and
 *       scaled Rademacher) and both must agree.</li>
 *   <li><b>pointwise</b> / <b>finite-difference</b>: both sides evaluated at random points, grad
 *       nodes by central differences through the definitions (an abstract loss L with
 *       {@code given g = grad(L, y)} is the linear loss <g, y>).</li>
 * </ul>
 * An instance caches the samples and numeric optima of one problem; it is not thread-safe.
 */
public final class NumericVerifier {
    /** Relative tolerance of exact evaluations. */
    public static final double EXACT_TOL = 1e-8;
    /** Relative tolerance when finite differences are involved. */
    public static final double FD_TOL = 1e-6;
    /** Relative tolerance of an objective gap (candidate vs numeric optimum). */
    public static final double GAP_TOL = 1e-6;
    /** Relative tolerance of a claim evaluated at a numeric minimizer. */
    public static final double AT_OPTIMUM_TOL = 1e-4;
    /** Relative tolerance of the residual of a solved equation, relative to its terms. */
    public static final double SOLVE_TOL = 1e-7;

    /**
     * The tolerance a check of this kind holds its error figure ({@link NumericVerdict#maxRelError()}) to,
     * NaN for checks decided without one (Monte Carlo by standard errors, a condition exactly).
     */
    public static double tolerance(String check) {
        return switch (check) {
            case "optimization", "optimal-value" -> GAP_TOL;
            case "at-optimizer" -> AT_OPTIMUM_TOL;
            case "finite-difference" -> FD_TOL;
            case "solve" -> SOLVE_TOL;
            case "pointwise" -> EXACT_TOL;
            default -> Double.NaN;
        };
    }

    private final Problem problem;
    private final VerifyOptions options;
    private final Model model;
    private final ProblemSampler sampler;
    private final Map<Integer, Object> samples = new HashMap<>();
    private final Map<Integer, Object> optima = new HashMap<>();
    private final Set<String> unknownNames = new LinkedHashSet<>();

    private NumericVerifier(Problem p, VerifyOptions o) {
        this.problem = p;
        this.options = o;
        this.model = new Model(p);
        this.sampler = new ProblemSampler(p, o, model);
        for (SymbolDecl u : p.unknowns()) unknownNames.add(u.name());
    }

    public static NumericVerifier of(Problem p, VerifyOptions o) { return new NumericVerifier(p, o); }

    /** Checks one claim (an expect, a show, a mistake's relation) of the problem. */
    public static NumericVerdict checkExpect(Problem p, Claim claim, VerifyOptions o) { return of(p, o).check(claim); }

    /**
     * Checks a derived result {@code target = value} (for every index of range, if present)
     * against the re-solved original problem, exactly as an expect of that form.
     */
    public static NumericVerdict checkResult(Problem p, Expr target, Expr value, Optional<IndexRange> range, VerifyOptions o) {
        return of(p, o).checkResult(target, value, range);
    }

    public NumericVerdict checkResult(Expr target, Expr value, Optional<IndexRange> range) {
        Claim c;
        try {
            c = new Claim(List.of(new Relation(RelOp.EQ, target, value, Pos.NONE)), range, "", Pos.NONE);
        } catch (RuntimeException e) {
            return NumericVerdict.undecided("none", options.seed(), "the result cannot be compared: " + e.getMessage());
        }
        return check(c);
    }

    /**
     * A derived result whose value holds one scalar the problem does not declare, defined by one equation among the
     * result's conditions ("theta = l/||a||*a, where l + eps*rho'(l) = ||a||, l > 0"): at each sample the equation
     * is solved numerically for that scalar ({@link derivcheck.numeric.RootFinder}, within the bounds the conditions
     * give), and the value with each root found is checked as a candidate optimizer of the original problem. A sample
     * agrees when some root gives a candidate as good as the numeric optimum; when none does, the sample is skipped,
     * never a counterexample (the scan may miss the root the result means). Any other result: as
     * {@link #checkResult(Expr, Expr, Optional)}.
     */
    public NumericVerdict checkResult(Expr target, Expr value, Optional<IndexRange> range, List<Relation> conditions) {
        Optional<Implicit> imp = Implicit.of(problem, value, conditions);
        if (imp.isEmpty() || range.isPresent() || problem.objective().isEmpty() || !(target instanceof Sym u)
                || unknownNames.size() != 1 || !unknownNames.contains(u.name())) {
            return checkResult(target, value, range);
        }
        try {
            Claim c = new Claim(List.of(new Relation(RelOp.EQ, target, value, Pos.NONE)), range, "", Pos.NONE);
            prefetchOptima();
            return loop("optimization", s -> implicitCandidate(c, value, imp.get(), s));
        } catch (NotEvaluableException | OriginalProblem.Unsupported e) {
            return NumericVerdict.undecided("none", options.seed(), e.getMessage());
        } catch (derivcheck.limits.Deadline.Expired e) {
            return NumericVerdict.undecided("none", options.seed(), TIME_LIMIT + " (" + e.getMessage() + ")");
        } catch (RuntimeException e) {
            return NumericVerdict.undecided("none", options.seed(), "internal error in the numeric check: " + e);
        }
    }

    /** The scalar a result is implicit in, the equation that defines it (as lhs - rhs = 0), and its bounds. */
    record Implicit(String name, Expr equation, List<Relation> bounds) {
        static Optional<Implicit> of(Problem p, Expr value, List<Relation> conditions) {
            List<String> free = Exprs.freeNames(value).stream()
                    .filter(n -> p.symbol(n).isEmpty() && p.let(n).isEmpty()).toList();
            if (free.size() != 1) return Optional.empty();
            String name = free.get(0);
            Set<String> it = Set.of(name);
            List<Relation> equations = new ArrayList<>(), bounds = new ArrayList<>();
            for (Relation r : conditions) {
                boolean in = Exprs.freeNames(r.lhs()).contains(name) || Exprs.freeNames(r.rhs()).contains(name);
                if (!in) continue;
                if (r.op() == RelOp.EQ) equations.add(r);
                else if (r.op() != RelOp.NE && (isSym(r.lhs(), name) && !Exprs.freeNames(r.rhs()).contains(name)
                        || isSym(r.rhs(), name) && !Exprs.freeNames(r.lhs()).contains(name))) bounds.add(r);
                else return Optional.empty();
            }
            if (equations.size() != 1 || !equations.get(0).lhs().isScalar()) return Optional.empty();
            return Optional.of(new Implicit(name, Exprs.sub(equations.get(0).lhs(), equations.get(0).rhs()), bounds));
        }

        private static boolean isSym(Expr e, String name) { return e instanceof Sym s && s.name().equals(name); }
    }

    private Outcome implicitCandidate(Claim c, Expr value, Implicit imp, Sample s) {
        Env env = s.copyEnv();
        double lo = Double.NEGATIVE_INFINITY, hi = Double.POSITIVE_INFINITY;
        for (Relation b : imp.bounds()) {
            // oriented as: name OP end
            boolean left = b.lhs() instanceof Sym x && x.name().equals(imp.name());
            RelOp op = left ? b.op() : b.op().flipped();
            double end = model.evalScalar(left ? b.rhs() : b.lhs(), env);
            if (op == RelOp.GT || op == RelOp.GE) lo = Math.max(lo, end);
            else hi = Math.min(hi, end);
        }
        java.util.function.DoubleUnaryOperator h = x -> {
            try {
                return model.evalScalar(imp.equation(), env.set(imp.name(), x));
            } catch (EvaluationException | IllegalArgumentException | ArithmeticException e) {
                return Double.NaN;
            }
        };
        List<Double> roots = derivcheck.numeric.RootFinder.roots(h, lo, hi);
        if (roots.isEmpty()) return new Skip("no root of the equation that defines " + imp.name() + " was found at the draw");
        for (double root : roots) {
            Env at = s.copyEnv().set(imp.name(), root);
            Outcome o = candidate(c, value, s, at);
            if (o instanceof Agree || o instanceof Skip) return o;
        }
        return new Skip("no root of the equation that defines " + imp.name() + " found at the draw gives the numeric optimum "
                + "(a root the scan missed may)");
    }

    public Problem problem() { return problem; }

    public VerifyOptions options() { return options; }

    Model model() { return model; }

    /** The problem's domain as the judge sees it: this verifier's samples (drawn once, cached) and its evaluation. */
    public derivcheck.judge.Space space() {
        if (space == null) space = new ProblemSpace(this);
        return space;
    }

    private ProblemSpace space;

    /** The k-th sample (cached). */
    public Sample sample(int k) {
        Object o = samples.computeIfAbsent(k, i -> {
            try {
                return sampler.draw(i);
            } catch (SamplingException e) {
                return e;
            }
        });
        if (o instanceof SamplingException e) throw e;
        return (Sample) o;
    }

    // ------------------------------------------------------------------ the whole problem

    /** One claim's outcome: kind is "expect", "show" or "mistake". */
    public record ClaimReport(String kind, Claim claim, NumericVerdict verdict, Optional<String> feedback) {
        /** A mistake is fine when it was caught (failed); an expect or show when it did not fail. */
        public boolean ok() { return kind.equals("mistake") ? verdict.failed() : !verdict.failed(); }

        /** "verified", "failed", "undecided"; for a mistake "caught", "not caught", "undecided". */
        public String word() {
            if (!kind.equals("mistake")) return verdict.verdict().word();
            return switch (verdict.verdict()) { case FAILED -> "caught"; case VERIFIED -> "not caught"; default -> "undecided"; };
        }
    }

    /** Every show, expect and mistake of the problem, in that order. */
    public List<ClaimReport> verifyAll() {
        List<ClaimReport> out = new ArrayList<>();
        for (Claim c : problem.shows()) out.add(new ClaimReport("show", c, check(c), Optional.empty()));
        for (Claim c : problem.expects()) out.add(new ClaimReport("expect", c, check(c), Optional.empty()));
        for (Mistake m : problem.mistakes()) out.add(new ClaimReport("mistake", m.claim(), check(m.claim()), Optional.of(m.feedback())));
        return out;
    }

    // ------------------------------------------------------------------ dispatch

    /** Checks one claim; never throws. */
    public NumericVerdict check(Claim c) {
        try {
            return dispatch(c);
        } catch (NotEvaluableException | OriginalProblem.Unsupported e) {
            return NumericVerdict.undecided("none", options.seed(), e.getMessage());
        } catch (derivcheck.limits.Deadline.Expired e) {
            return NumericVerdict.undecided("none", options.seed(), TIME_LIMIT + " (" + e.getMessage() + ")");
        } catch (RuntimeException e) {
            return NumericVerdict.undecided("none", options.seed(), "internal error in the numeric check: " + e);
        }
    }

    /** The reason of a verdict cut short by the item's deadline. */
    public static final String TIME_LIMIT = "time limit";

    /**
     * True when the claim is checked by evaluating its sides (pointwise, or with finite
     * differences): its target has one value at each point, so a disagreement with a reference
     * value there is a counterexample. False for claims about an unknown of an optimization, a
     * solve-for or a condition, and for moments (those re-solve or re-sample the problem).
     */
    public boolean pointwise(Claim c) {
        if (c.relations().isEmpty()) return false;
        for (SuchThat st : problem.conditions()) if (mentions(c, Set.of(st.unknown().name()))) return false;
        for (SolveFor sf : problem.solves()) if (mentions(c, Set.of(sf.unknown().name()))) return false;
        boolean optimum = Exprs.anyNode(claimExpr(c), x -> x instanceof Sym s && s.kind() == SymKind.OPTIMUM);
        if (optimum || problem.objective().isPresent() && mentions(c, unknownNames)) return false;
        return !Model.hasMoments(claimExpr(c));
    }

    private NumericVerdict dispatch(Claim c) {
        if (c.relations().isEmpty()) return NumericVerdict.undecided("none", options.seed(), "the claim is empty");
        for (SuchThat st : problem.conditions()) {
            if (mentions(c, Set.of(st.unknown().name()))) return loop("condition", s -> condition(c, st, s));
        }
        for (SolveFor sf : problem.solves()) {
            if (mentions(c, Set.of(sf.unknown().name()))) {
                Relation r = c.relations().get(0);
                if (c.relations().size() != 1 || r.op() != RelOp.EQ || !(r.lhs() instanceof Sym u)
                        || !u.name().equals(sf.unknown().name()) || mentions(r.rhs(), Set.of(u.name()))) {
                    return NumericVerdict.undecided("solve", options.seed(),
                            "only a claim of the form '" + sf.unknown().name() + " = expression' is checked against the equation");
                }
                return loop("solve", s -> solve(c, sf, r.rhs(), s));
            }
        }
        boolean optimum = Exprs.anyNode(claimExpr(c), x -> x instanceof Sym s && s.kind() == SymKind.OPTIMUM);
        if (problem.objective().isPresent() && (optimum || mentions(c, unknownNames))) {
            prefetchOptima();
            Relation r = c.relations().get(0);
            boolean single = c.relations().size() == 1 && r.op() == RelOp.EQ && c.range().isEmpty();
            if (single && r.lhs() instanceof Sym u && unknownNames.contains(u.name()) && unknownNames.size() == 1
                    && !mentions(r.rhs(), unknownNames) && !hasOptimum(r.rhs())) {
                return loop("optimization", s -> candidate(c, r.rhs(), s));
            }
            if (single && r.lhs() instanceof Sym m && m.kind() == SymKind.OPTIMUM && !mentions(r.rhs(), unknownNames)) {
                return loop("optimal-value", s -> optimalValue(c, r.rhs(), s));
            }
            return loop("at-optimizer", s -> atOptimizer(c, s));
        }
        if (optimum) return NumericVerdict.undecided("none", options.seed(), "the optimal value is claimed but the problem has no objective");
        if (Model.hasMoments(claimExpr(c))) return monteCarlo(c);
        boolean fd = usesGradients(claimExpr(c));
        NumericVerdict v = loop(fd ? "finite-difference" : "pointwise", s -> pointwise(c, s, fd ? FD_TOL : EXACT_TOL));
        // a discrepancy is decided again by the judge (high precision where the expressions allow it)
        // before it becomes a counterexample: check and derive agree on it
        return v.failed() && Recheck.applies(c, v) ? Recheck.run(space(), c, v) : v;
    }

    private static Expr claimExpr(Claim c) {
        List<Expr> parts = new ArrayList<>();
        for (Relation r : c.relations()) { parts.add(r.lhs()); parts.add(r.rhs()); }
        return new derivcheck.expr.Piecewise(List.of(new derivcheck.expr.Piecewise.Arm(derivcheck.expr.Num.ZERO,
                c.relations())), Pos.NONE); // a carrier node whose children are all sides
    }

    private boolean mentions(Claim c, Set<String> names) { return model.dependsOn(claimExpr(c), names); }

    private boolean mentions(Expr e, Set<String> names) { return model.dependsOn(e, names); }

    private static boolean hasOptimum(Expr e) {
        return Exprs.anyNode(e, x -> x instanceof Sym s && s.kind() == SymKind.OPTIMUM);
    }

    boolean usesGradients(Expr e) {
        if (Exprs.anyNode(e, x -> x instanceof Grad)) return true;
        for (String d : model.closure(e)) {
            for (Model.Def def : model.defs()) if (def.name().equals(d) && Exprs.anyNode(def.body(), x -> x instanceof Grad)) return true;
        }
        return false;
    }

    // ------------------------------------------------------------------ the sample loop

    private sealed interface Outcome permits Agree, Disagree, Skip {}

    private record Agree(double abs, double rel) implements Outcome {}

    private record Disagree(Counterexample counterexample) implements Outcome {}

    private record Skip(String why) implements Outcome {}

    @FunctionalInterface
    private interface PerSample {
        Outcome run(Sample s);
    }

    private NumericVerdict loop(String check, PerSample f) {
        int agreed = 0;
        double maxAbs = 0, maxRel = 0;
        Map<String, Integer> skips = new LinkedHashMap<>();
        for (int k = 0; k < options.samples(); k++) {
            derivcheck.limits.Deadline.current().check();
            Sample s;
            try {
                s = sample(k);
            } catch (SamplingException e) {
                return NumericVerdict.undecided(check, options.seed(), e.getMessage());
            }
            Outcome o;
            try {
                o = f.run(s);
            } catch (NotEvaluableException | OriginalProblem.Unsupported e) {
                return NumericVerdict.undecided(check, options.seed(), e.getMessage());
            } catch (EvaluationException | IllegalArgumentException | ArithmeticException e) {
                o = new Skip("it could not be evaluated (" + e.getMessage() + ")");
            }
            if (o instanceof Disagree d) {
                return new NumericVerdict(Kind.FAILED, check, k + 1, maxAbs, maxRel, options.seed(), Optional.of(d.counterexample()),
                        d.counterexample().note());
            }
            if (o instanceof Agree a) {
                agreed++;
                if (!Double.isNaN(a.abs())) maxAbs = Math.max(maxAbs, a.abs());
                if (!Double.isNaN(a.rel())) maxRel = Math.max(maxRel, a.rel());
            } else if (o instanceof Skip sk) {
                skips.merge(sk.why(), 1, Integer::sum);
            }
        }
        if (agreed == 0) {
            String why = skips.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("no samples");
            return NumericVerdict.undecided(check, options.seed(), "no sample could be compared: " + why);
        }
        // too few valid samples prove nothing (the claim may only hold where it was not tested)
        int needed = Math.min(options.samples(), 3);
        if ((check.equals("pointwise") || check.equals("finite-difference")) && agreed < needed) {
            String why = skips.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("no samples");
            return NumericVerdict.undecided(check, options.seed(), "only " + agreed + " of " + options.samples()
                    + " samples could be compared (need " + needed + "): " + why);
        }
        int skipped = skips.values().stream().mapToInt(Integer::intValue).sum();
        String reason = agreed + " sample(s) agree (" + describe(check) + ")"
                + (skipped > 0 ? "; " + skipped + " skipped: " + skips.keySet().iterator().next() : "");
        return new NumericVerdict(Kind.VERIFIED, check, agreed, maxAbs, maxRel, options.seed(), Optional.empty(), reason);
    }

    private static String describe(String check) {
        return switch (check) {
            case "optimization" -> "feasible and no worse than the numerically re-solved problem; errors are objective gaps";
            case "optimal-value" -> "equal to the numerically re-solved optimal value";
            case "at-optimizer" -> "both sides agree at the numeric optimizer of the original problem";
            case "finite-difference" -> "both sides agree, gradients by central differences";
            case "monte-carlo" -> "Monte Carlo estimates agree, |z| <= 5";
            case "condition" -> "the condition holds exactly where the claim says";
            case "solve" -> "the claimed value solves the equation";
            default -> "both sides agree at random points";
        };
    }

    private Counterexample counterexample(Sample s, Optional<Integer> index, Value lhs, Value rhs, String note, Map<String, Value> extra) {
        return new Counterexample(s.sizes(), s.drawn(), s.functions(), index, lhs, rhs, note, extra);
    }

    /** The indices of an entrywise claim at a sample, or a single null. */
    private List<Integer> indices(Optional<IndexRange> range, Env env) {
        List<Integer> out = new ArrayList<>();
        if (range.isEmpty()) { out.add(null); return out; }
        int lo = Model.integer(model.evalScalar(range.get().lo(), env));
        int hi = Model.integer(model.evalScalar(range.get().hi(), env));
        for (int k = lo; k <= hi; k++) out.add(k);
        return out;
    }

    // ------------------------------------------------------------------ pointwise

    private Outcome pointwise(Claim c, Sample s, double tol) {
        boolean fd = tol == FD_TOL;
        Outcome o = compareAt(c, s, s.copyEnv(), tol, false, "", fd);
        if (o instanceof Disagree d && fd && nearTolerance(d.counterexample())) {
            // a discrepancy within a few orders of the tolerance may be the differences' own
            // error: decide it again with Ridders' extrapolation before it becomes a counterexample
            return model.refined(() -> compareAt(c, s, s.copyEnv(), tol, false, "", true));
        }
        return o;
    }

    private static boolean nearTolerance(Counterexample cx) {
        if (!Claims.finite(cx.lhs()) || !Claims.finite(cx.rhs())) return false;
        try {
            return Claims.compare(cx.lhs(), cx.rhs()).maxScaled() < 1e-3;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * Compares every relation of the claim at env (for every index); skipUndefined: NaN skips instead of failing;
     * floorAtOne: the error of an equality is absolute for small values (finite differences, a numeric optimizer),
     * else relative to the terms' size ({@link TermsScale}).
     */
    private Outcome compareAt(Claim c, Sample s, Env env, double tol, boolean skipUndefined, String where, boolean floorAtOne) {
        double abs = 0, rel = 0;
        for (Integer k : indices(c.range(), env)) {
            if (k != null) env.set(c.range().get().index().name(), k);
            for (Relation r : c.relations()) {
                Value l = model.eval(r.lhs(), env), h = model.eval(r.rhs(), env);
                boolean fl = Claims.finite(l), fh = Claims.finite(h);
                if (!fl || !fh) {
                    // the left side is the problem's quantity (the target, a definition): where it is undefined the
                    // draw is outside the problem's domain and proves nothing; the right side (the claimed value)
                    // undefined where the left is defined is a counterexample; an overflow proves nothing either
                    if (skipUndefined || !fl) return new Skip("the left side is undefined (NaN or infinite) at the draw" + where);
                    if (!hasNaN(h)) return new Skip("the right side overflows at the draw" + where);
                    return new Disagree(counterexample(s, Optional.ofNullable(k), l, h,
                            "the right side (the claimed value) is undefined where the left side is defined" + where, Map.of()));
                }
                if (r.op() == RelOp.EQ && outOfRange(l, h)) {
                    // both sides overflow, or both underflow to values double precision cannot compare on any
                    // meaningful scale: the draw proves nothing in double precision. A claim of equalities
                    // evaluated without differences goes to the judge's high-precision re-check (Recheck,
                    // where the exponent range is unlimited); elsewhere the draw is skipped
                    if (!floorAtOne && c.relations().stream().allMatch(x -> x.op() == RelOp.EQ)) {
                        return new Disagree(counterexample(s, Optional.ofNullable(k), l, h,
                                "both sides under- or overflow double precision at the draw" + where, Map.of()));
                    }
                    return new Skip("both sides under- or overflow double precision at the draw" + where);
                }
                if (r.op() == RelOp.EQ) {
                    double err = TermsScale.error(model, r.lhs(), r.rhs(), l, h, env, tol, floorAtOne);
                    if (!(err <= tol)) {
                        String note = "the sides differ" + where + " (scaled error " + NumericVerdict.num(err) + ")";
                        return new Disagree(counterexample(s, Optional.ofNullable(k), l, h, note, Map.of()));
                    }
                    abs = Math.max(abs, Claims.compare(l, h).maxAbs());
                    rel = Math.max(rel, err);
                } else if (!Claims.holds(r.op(), l, h, tol)) {
                    String note = "the relation " + r.op().symbol() + " does not hold" + where;
                    return new Disagree(counterexample(s, Optional.ofNullable(k), l, h, note, Map.of()));
                }
            }
        }
        return new Agree(abs, rel);
    }

    /** Some entry where both sides are infinite, or both nonzero and below 1e-250 in magnitude. */
    private static boolean outOfRange(Value l, Value h) {
        int n = Math.max(l.size(), h.size());
        double[] a = Claims.entries(l, n), b = Claims.entries(h, n);
        for (int i = 0; i < n; i++) {
            if (Double.isInfinite(a[i]) && Double.isInfinite(b[i])) return true;
            if (a[i] != 0 && b[i] != 0 && Math.abs(a[i]) < 1e-250 && Math.abs(b[i]) < 1e-250) return true;
        }
        return false;
    }

    private static boolean hasNaN(Value v) {
        for (double d : v.flatten()) if (Double.isNaN(d)) return true;
        return false;
    }

    // ------------------------------------------------------------------ optimization

    private record Solved(OriginalProblem problem, OptimizationResult result) {}

    private Solved solved(Sample s) {
        Object o = optima.computeIfAbsent(s.index(), k -> solve(s, model));
        if (o instanceof RuntimeException e) throw e;
        if (o instanceof Skip sk) throw new SkipSignal(sk.why());
        return (Solved) o;
    }

    /** Solves the original problem at a sample; a Solved, a Skip, or an exception to rethrow. */
    private Object solve(Sample s, Model m) {
        try {
            OriginalProblem op = new OriginalProblem(problem, m, s.env());
            long seed = new Rng(options.seed()).fork(problem.name() + "/optimizer/" + s.index()).seed();
            OptimizationResult r = DirectSolvers.solve(problem, op, m, s.env(), seed, options.starts())
                    .orElseGet(() -> new Optimizer(seed).starts(options.starts()).minimize(op.op));
            return new Solved(op, r);
        } catch (OriginalProblem.Unsupported | NotEvaluableException e) {
            return e;
        } catch (EvaluationException | IllegalArgumentException | ArithmeticException e) {
            return new Skip("the original problem could not be evaluated (" + e.getMessage() + ")");
        }
    }

    /**
     * Solves the original problem at every sample not solved yet, in parallel (one model per
     * task: models cache and are not thread-safe; samples are drawn first, in order).
     */
    private void prefetchOptima() {
        List<Sample> todo = new ArrayList<>();
        for (int k = 0; k < options.samples(); k++) {
            derivcheck.limits.Deadline.current().check();
            if (optima.containsKey(k)) continue;
            try {
                todo.add(sample(k));
            } catch (SamplingException e) {
                break;
            }
        }
        int threads = Math.min(Runtime.getRuntime().availableProcessors(), todo.size());
        if (threads <= 1) return;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "derivcheck-verify");
            t.setDaemon(true);
            return t;
        });
        derivcheck.limits.Deadline deadline = derivcheck.limits.Deadline.current();
        try {
            List<java.util.concurrent.Future<Object>> fs = new ArrayList<>();
            for (Sample s : todo) {
                fs.add(pool.submit(() -> {
                    try (derivcheck.limits.Deadline.Scope scope = deadline.enter()) {
                        return solve(s, new Model(problem));
                    }
                }));
            }
            for (int i = 0; i < todo.size(); i++) {
                try {
                    optima.put(todo.get(i).index(), fs.get(i).get(deadline.remaining().toNanos(), java.util.concurrent.TimeUnit.NANOSECONDS));
                } catch (java.util.concurrent.ExecutionException e) {
                    // solved again, sequentially, when needed (a deadline hit there is rethrown)
                } catch (java.util.concurrent.TimeoutException e) {
                    throw new derivcheck.limits.Deadline.Expired(deadline);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            pool.shutdownNow();
        }
    }

    /** Why a disagreement with a numeric optimum that stopped on a cap is not a counterexample. */
    static final String NOT_CONVERGED = "the numeric optimizer did not converge (evaluation cap or stall), so a disagreement with it is no counterexample";

    private static final class SkipSignal extends RuntimeException {
        SkipSignal(String m) { super(m, null, false, false); }
    }

    private Outcome withSolved(Sample s, java.util.function.Function<Solved, Outcome> f) {
        Solved sol;
        try {
            sol = solved(s);
        } catch (SkipSignal e) {
            return new Skip(e.getMessage());
        }
        OptimizationResult r = sol.result();
        if (r.status() == OptimizationResult.Status.UNBOUNDED) return new Skip("the original problem is unbounded at the draw");
        if (!r.feasible() || !Double.isFinite(r.value())) return new Skip("the numeric optimizer found no feasible point");
        return f.apply(sol);
    }

    private Outcome candidate(Claim c, Expr rhs, Sample s) { return candidate(c, rhs, s, s.env()); }

    /** The candidate's value taken at {@code env} (the sample's, or the sample's with an implicit scalar bound). */
    private Outcome candidate(Claim c, Expr rhs, Sample s, Env env) {
        return withSolved(s, sol -> {
            OriginalProblem op = sol.problem();
            Value cv = model.eval(rhs, env);
            double[] x = cv.flatten();
            double[] xs = sol.result().x();
            Value xStar = op.layout.value(op.unknowns.iterator().next(), xs);
            if (x.length == 1 && xs.length > 1) x = Claims.entries(cv, xs.length);
            if (x.length != xs.length) throw new IllegalArgumentException("the candidate has " + x.length + " entries, the unknown " + xs.length);
            Map<String, Value> extra = new LinkedHashMap<>();
            extra.put("candidate", cv);
            extra.put("numeric minimizer", xStar);
            double scale = op.op.scale();
            double v = op.op.violation(x);
            if (!Claims.finite(cv)) {
                return new Disagree(counterexample(s, Optional.empty(), cv, xStar, "the candidate is undefined (NaN or infinite)", extra));
            }
            if (v > 1e-7 * Math.max(1, scale)) {
                return new Disagree(counterexample(s, Optional.empty(), cv, xStar,
                        "the candidate is infeasible: it violates a constraint or the domain by " + NumericVerdict.num(v), extra));
            }
            double fc = op.minimized.applyAsDouble(x), fs = sol.result().value();
            extra.put("objective at candidate", new Value.Real(op.sense * fc));
            extra.put("numeric optimum", new Value.Real(op.sense * fs));
            if (Double.isNaN(fc)) {
                return new Disagree(counterexample(s, Optional.empty(), cv, xStar, "the objective is undefined at the candidate", extra));
            }
            double gap = fc - fs;
            double tol = GAP_TOL * Math.max(1, Math.max(Math.abs(fs), Math.abs(fc)));
            if (gap > tol) {
                return new Disagree(counterexample(s, Optional.empty(), new Value.Real(op.sense * fc), new Value.Real(op.sense * fs),
                        "the candidate's objective " + NumericVerdict.num(op.sense * fc) + " is worse than "
                                + NumericVerdict.num(op.sense * fs) + " at a feasible point the numeric optimizer found", extra));
            }
            // the figure of the decision above (a candidate better than the numeric optimum has gap 0):
            // an optimum of 0 (an exact fit) met to 1e-16 is not a relative error of 1e+276
            return new Agree(Math.abs(gap), Math.max(gap, 0) / Math.max(1, Math.max(Math.abs(fs), Math.abs(fc))));
        });
    }

    private Outcome optimalValue(Claim c, Expr rhs, Sample s) {
        return withSolved(s, sol -> {
            OriginalProblem op = sol.problem();
            double e = model.evalScalar(rhs, s.env());
            double opt = op.sense * sol.result().value();
            Map<String, Value> extra = new LinkedHashMap<>();
            extra.put("numeric minimizer", op.layout.value(op.unknowns.iterator().next(), sol.result().x()));
            double d = Math.abs(e - opt);
            if (!(d <= GAP_TOL * Math.max(1, Math.max(Math.abs(opt), Math.abs(e))))
                    && (e - opt) * op.sense <= 0 && !sol.result().converged()) {
                // the claimed value is better than anything found, and the search was cut short: no witness
                return new Skip(NOT_CONVERGED);
            }
            if (!(d <= GAP_TOL * Math.max(1, Math.max(Math.abs(opt), Math.abs(e))))) {
                String how = (e - opt) * op.sense > 0
                        ? "a feasible point the numeric optimizer found does better than the claimed optimal value"
                        : "the numeric optimizer found no feasible point reaching the claimed optimal value";
                return new Disagree(counterexample(s, Optional.empty(), new Value.Real(e), new Value.Real(opt),
                        how + " (claimed " + NumericVerdict.num(e) + ", numeric " + NumericVerdict.num(opt) + ")", extra));
            }
            // relative to the scale of the tolerance: an optimal value of 0 (an exact fit) met to
            // 1e-15 is not a relative error of 1e+293
            return new Agree(d, d / Math.max(1, Math.max(Math.abs(opt), Math.abs(e))));
        });
    }

    private Outcome atOptimizer(Claim c, Sample s) {
        return withSolved(s, sol -> {
            OriginalProblem op = sol.problem();
            Env env = op.at(sol.result().x());
            Exprs.anyNode(claimExpr(c), x -> {
                if (x instanceof Sym m && m.kind() == SymKind.OPTIMUM) env.set(m.name(), op.sense * sol.result().value());
                return false;
            });
            Outcome o = compareAt(c, s, env, AT_OPTIMUM_TOL, true, " at the numeric optimizer", true);
            if (o instanceof Disagree && !sol.result().converged()) return new Skip(NOT_CONVERGED);
            if (o instanceof Disagree d) {
                Map<String, Value> extra = new LinkedHashMap<>(d.counterexample().extra());
                for (String u : op.unknowns) extra.put("numeric " + u, op.layout.value(u, sol.result().x()));
                Counterexample cx = d.counterexample();
                return new Disagree(new Counterexample(cx.sizes(), cx.values(), cx.functions(), cx.index(), cx.lhs(), cx.rhs(), cx.note(), extra));
            }
            return o;
        });
    }

    // ------------------------------------------------------------------ solve-for

    private Outcome solve(Claim c, SolveFor sf, Expr value, Sample s) {
        String u = sf.unknown().name();
        Value cand = model.eval(value, s.env());
        if (!Claims.finite(cand)) {
            return new Disagree(counterexample(s, Optional.empty(), cand, cand, "the claimed value is undefined (NaN or infinite)", Map.of()));
        }
        Relation eq = sf.equation();
        Env at = with(s.env(), u, cand);
        Value l = model.eval(eq.lhs(), at), r = model.eval(eq.rhs(), at);
        // the size of the equation's terms: at the candidate, at 0 and at twice the candidate
        double scale = magnitude(l, r);
        for (double t : new double[] {0, 2}) {
            Env e = with(s.env(), u, scaled(cand, t));
            scale = Math.max(scale, magnitude(model.eval(eq.lhs(), e), model.eval(eq.rhs(), e)));
        }
        Comparison cmp = Claims.compare(l, r);
        double tol = SOLVE_TOL * (scale > 0 ? scale : 1e-300);
        Map<String, Value> extra = Map.of(u, cand);
        if (!(cmp.maxAbs() <= tol)) {
            return new Disagree(counterexample(s, Optional.empty(), l, r, "with " + u + " = " + NumericVerdict.text(cand)
                    + " the equation does not hold (residual " + NumericVerdict.num(cmp.maxAbs()) + ")", extra));
        }
        return new Agree(cmp.maxAbs(), scale > 0 ? cmp.maxAbs() / scale : 0);
    }

    private Env with(Env base, String name, Value v) {
        Env e = base.copy().set(name, v);
        model.recompute(e, model.dependents(Set.of(name)), Set.of());
        return e;
    }

    private static Value scaled(Value v, double t) {
        double[] d = v.flatten();
        for (int i = 0; i < d.length; i++) d[i] *= t;
        return v.unflatten(d);
    }

    private static double magnitude(Value a, Value b) {
        double m = 0;
        for (double d : a.flatten()) if (Double.isFinite(d)) m = Math.max(m, Math.abs(d));
        for (double d : b.flatten()) if (Double.isFinite(d)) m = Math.max(m, Math.abs(d));
        return m;
    }

    // ------------------------------------------------------------------ conditions

    private Outcome condition(Claim c, SuchThat st, Sample s) {
        String u = st.unknown().name();
        Relation first = c.relations().get(0);
        if (c.relations().size() == 1 && first.op() == RelOp.EQ && c.range().isEmpty()) {
            Expr other = first.lhs() instanceof Sym x && x.name().equals(u) ? first.rhs()
                    : first.rhs() instanceof Sym y && y.name().equals(u) ? first.lhs() : null;
            if (other != null && !mentions(other, Set.of(u))) return plugIntoCondition(st, other, s);
        }
        if (st.condition().stream().anyMatch(r -> Model.hasMoments(r.lhs()) || Model.hasMoments(r.rhs()))) {
            throw new NotEvaluableException("a set of values is compared with a condition on E[...] or Var[...] only at one point");
        }
        // points: around each boundary the claim names, and random ones
        List<Double> points = new ArrayList<>();
        List<Double> boundaries = new ArrayList<>();
        for (Relation r : c.relations()) {
            Expr b = r.lhs() instanceof Sym x && x.name().equals(u) ? r.rhs() : r.rhs() instanceof Sym y && y.name().equals(u) ? r.lhs() : null;
            if (b == null || mentions(b, Set.of(u)) || !b.isScalar()) continue;
            double v = model.evalScalar(b, s.env());
            if (Double.isFinite(v)) boundaries.add(v);
        }
        // distances to a boundary are relative to the claim's largest boundary, so a boundary at 0
        // is probed at points floating point can tell apart from it (not at 1e-303)
        double scale = boundaries.stream().mapToDouble(Math::abs).max().orElse(1);
        if (scale == 0) scale = 1;
        for (double v : boundaries) {
            double d = Math.max(Math.abs(v), 1e-3 * scale);
            for (double f : new double[] {1e-3, 0.05, 0.5, 1, 3}) { points.add(v - f * d); points.add(v + f * d); }
            points.add(v * 10);
            points.add(v / 10);
        }
        Rng rng = new Rng(options.seed()).fork(problem.name() + "/condition/" + s.index());
        for (int i = 0; i < 12; i++) {
            double mag = Math.exp(rng.uniform(Math.log(1e-2), Math.log(1e2)));
            points.add(rng.generator().nextBoolean() ? mag : -mag);
        }
        int compared = 0;
        for (double x : points) {
            Env env = with(s.env(), u, new Value.Real(x));
            if (!allHold(st.bounds(), env, 0)) continue;
            Boolean inClaim = holdsAll(c, env);
            Boolean inSet = allHoldOrNull(st.condition(), env);
            if (inClaim == null || inSet == null) continue;
            compared++;
            if (!inClaim.equals(inSet)) {
                Relation r = st.condition().get(0);
                Value l = model.eval(r.lhs(), env), h = model.eval(r.rhs(), env);
                String note = u + " = " + NumericVerdict.num(x) + (inClaim ? " satisfies the claim but not the condition '"
                        : " violates the claim but satisfies the condition '") + Claims.print(st.condition()) + "' (lhs and rhs are the condition's sides there)";
                return new Disagree(counterexample(s, Optional.empty(), l, h, note, Map.of(u, new Value.Real(x))));
            }
        }
        if (compared == 0) return new Skip("no test point satisfied the bounds of " + u);
        return new Agree(Double.NaN, Double.NaN);
    }

    private Boolean holdsAll(Claim c, Env env) {
        for (Integer k : indices(c.range(), env)) {
            if (k != null) env.set(c.range().get().index().name(), k);
            for (Relation r : c.relations()) {
                Value l = model.eval(r.lhs(), env), h = model.eval(r.rhs(), env);
                if (!Claims.finite(l) || !Claims.finite(h)) return null;
                if (!Claims.holds(r.op(), l, h, 0)) return false;
            }
        }
        return true;
    }

    private Boolean allHoldOrNull(List<Relation> rs, Env env) {
        for (Relation r : rs) {
            Value l = model.eval(r.lhs(), env), h = model.eval(r.rhs(), env);
            if (!Claims.finite(l) || !Claims.finite(h)) return null;
            if (!Claims.holds(r.op(), l, h, 0)) return false;
        }
        return true;
    }

    private boolean allHold(List<Relation> rs, Env env, double tol) {
        for (Relation r : rs) if (!Claims.holds(r.op(), model.eval(r.lhs(), env), model.eval(r.rhs(), env), tol)) return false;
        return true;
    }

    private Outcome plugIntoCondition(SuchThat st, Expr value, Sample s) {
        String u = st.unknown().name();
        Value cand = model.eval(value, s.env());
        Map<String, Value> extra = Map.of(u, cand);
        if (!Claims.finite(cand)) {
            return new Disagree(counterexample(s, Optional.empty(), cand, cand, "the claimed value is undefined (NaN or infinite)", extra));
        }
        Env env = with(s.env(), u, cand);
        if (!allHold(st.bounds(), env, EXACT_TOL)) {
            return new Disagree(counterexample(s, Optional.empty(), cand, cand, "the claimed value violates the bounds '"
                    + Claims.print(st.bounds()) + "'", extra));
        }
        Claim cond = new Claim(st.condition(), Optional.empty(), "", st.pos());
        if (Model.hasMoments(claimExpr(cond))) return monteCarloAt(cond, s, env, extra, false);
        Outcome o = compareAt(cond, s, env, usesGradients(claimExpr(cond)) ? FD_TOL : EXACT_TOL, false, " with " + u + " = " + NumericVerdict.text(cand), true);
        return o;
    }

    // ------------------------------------------------------------------ Monte Carlo

    private NumericVerdict monteCarlo(Claim c) {
        return loop("monte-carlo", s -> monteCarloAt(c, s, s.copyEnv(), Map.of(), true));
    }

    private record DrawKey(int sample, int variant) {}

    /** Monte Carlo columns of the unmodified samples, shared by the claims of the problem. */
    private final Map<DrawKey, Map<Expr, Moments.Columns>> drawCache = new HashMap<>();

    private Outcome monteCarloAt(Claim c, Sample s, Env env, Map<String, Value> extra, boolean cacheable) {
        Moments.Replaced rep = Moments.replace(c.relations());
        int variants = RandomDraws.momentsOnly(problem) ? 2 : 1;
        double abs = 0, rel = 0;
        for (int variant = 0; variant < variants; variant++) {
            String label = problem.name() + "/sample/" + s.index() + "/mc/" + variant;
            Map<Expr, Moments.Columns> cache = cacheable ? drawCache.computeIfAbsent(new DrawKey(s.index(), variant), x -> new HashMap<>()) : null;
            Moments.Estimates est = Moments.estimate(model, rep.nodes(), env, () -> new Rng(options.seed()).fork(label),
                    options.mcDraws(), variant, cache);
            Env bound = Moments.bind(env, rep.nodes(), est);
            for (Integer k : indices(c.range(), bound)) {
                if (k != null) bound.set(c.range().get().index().name(), k);
                for (Relation r : rep.relations()) {
                    if (r.op() != RelOp.EQ) {
                        Value l = model.eval(r.lhs(), bound), h = model.eval(r.rhs(), bound);
                        if (!Claims.holds(r.op(), l, h, FD_TOL)) {
                            return new Disagree(counterexample(s, Optional.ofNullable(k), l, h, "the relation does not hold for the estimates ("
                                    + RandomDraws.variantName(variant) + " draws)", extra));
                        }
                        continue;
                    }
                    Moments.ZTest z = Moments.test(model, r, bound, rep.nodes(), est);
                    if (z.degenerate()) return new Skip("the Monte Carlo draws did not vary");
                    if (!z.agree()) {
                        Map<String, Value> x = new LinkedHashMap<>(extra);
                        return new Disagree(counterexample(s, Optional.ofNullable(k), z.lhs(), z.rhs(),
                                "the Monte Carlo estimates differ by " + (Double.isFinite(z.maxZ()) && z.maxZ() > 0
                                        ? NumericVerdict.num(z.maxZ()) + " standard errors" : "more than rounding")
                                        + " (" + options.mcDraws() + " " + (variants > 1 ? RandomDraws.variantName(variant) + " " : "") + "draws)", x));
                    }
                    abs = Math.max(abs, z.maxAbs());
                    rel = Math.max(rel, z.maxRel());
                }
            }
        }
        return new Agree(abs, rel);
    }
}
