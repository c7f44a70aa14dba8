package derivcheck.judge;

import derivcheck.expr.Expr;
import derivcheck.expr.Exprs;
import derivcheck.expr.Num;
import derivcheck.expr.Pow;
import derivcheck.expr.RelOp;
import derivcheck.expr.Relation;
import derivcheck.expr.Shape;
import derivcheck.expr.Sym;
import derivcheck.expr.SymKind;
import derivcheck.numeric.Compiled;
import derivcheck.numeric.Compiler;
import derivcheck.numeric.Env;
import derivcheck.numeric.EvaluationException;
import derivcheck.numeric.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * The judge's own domain: the free symbols of some expressions (scalars, vectors, matrices of
 * symbolic sizes) and assumptions about them, sampled so that the assumptions hold.
 *
 * <p>Each scalar entry is drawn from a mixture, so that the regions where expressions with
 * powers are defined are found: standard normal values, log-uniform magnitudes in [1e-2, 1e2]
 * of either sign, small nonzero integers in [-5, 5] and half-integers. A symbol that appears in
 * an exponent draws integers and half-integers more often (so a^b with a &lt; 0 is met where it is
 * defined). Simple bounds ({@code x > 0}, {@code x <= 1}, with a constant on the other side) shape
 * the draw; every assumption is then checked and a failing draw is redrawn (up to 64 times).
 * Sizes of dimension names are drawn in 1..4. Point k is reproducible for a seed.
 */
public final class FreeSpace implements Space {
    private final List<Sym> symbols;
    private final Set<String> exponents;
    private final Set<String> dims;
    private final List<Relation> assumptions;
    private final Map<String, double[]> bounds = new HashMap<>(); // lo, hi, loOpen(1/0), hiOpen(1/0)
    private final long seed;
    private final int points;
    private final Map<Expr, Compiled> compiled = new HashMap<>();
    private String whyNot = "no point of the domain could be drawn";

    private FreeSpace(List<Sym> symbols, Set<String> exponents, Set<String> dims, List<Relation> assumptions, long seed, int points) {
        this.symbols = symbols;
        this.exponents = exponents;
        this.dims = dims;
        this.assumptions = List.copyOf(assumptions);
        this.seed = seed;
        this.points = points;
        for (Relation r : assumptions) bound(r);
    }

    /** The space of the free symbols of the expressions (and of the assumptions), 60 points, seed 1. */
    public static FreeSpace over(List<Expr> exprs, List<Relation> assumptions) { return over(exprs, assumptions, 1L, 60); }

    public static FreeSpace over(List<Expr> exprs, List<Relation> assumptions, long seed, int points) {
        Map<String, Sym> syms = new LinkedHashMap<>();
        Set<String> exps = new LinkedHashSet<>();
        Set<String> dims = new TreeSet<>();
        List<Expr> all = new ArrayList<>(exprs);
        for (Relation r : assumptions) { all.add(r.lhs()); all.add(r.rhs()); }
        for (Expr e : all) {
            Exprs.anyNode(e, x -> {
                if (x instanceof Sym s) {
                    if (s.kind() == SymKind.DIM) dims.add(s.name());
                    else if (s.kind() != SymKind.INDEX) syms.putIfAbsent(s.name(), s);
                    dims.addAll(s.shape().rows().terms().keySet());
                    dims.addAll(s.shape().cols().terms().keySet());
                }
                if (x instanceof Pow p) {
                    Exprs.anyNode(p.exponent(), y -> { if (y instanceof Sym s) exps.add(s.name()); return false; });
                }
                return false;
            });
        }
        return new FreeSpace(List.copyOf(syms.values()), exps, dims, assumptions, seed, points);
    }

    private void bound(Relation r) {
        Sym s;
        RelOp op = r.op();
        double c;
        if (r.lhs() instanceof Sym x && r.rhs() instanceof Num n) { s = x; c = n.value().toDouble(); }
        else if (r.rhs() instanceof Sym x && r.lhs() instanceof Num n) { s = x; c = n.value().toDouble(); op = flip(op); }
        else return;
        if (!s.isScalar()) return;
        double[] b = bounds.computeIfAbsent(s.name(), k -> new double[] {Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, 1, 1});
        switch (op) {
            case GT, GE -> { if (c >= b[0]) { b[0] = c; b[2] = op == RelOp.GT ? 1 : 0; } }
            case LT, LE -> { if (c <= b[1]) { b[1] = c; b[3] = op == RelOp.LT ? 1 : 0; } }
            default -> { }
        }
    }

    private static RelOp flip(RelOp op) {
        return switch (op) { case LT -> RelOp.GT; case GT -> RelOp.LT; case LE -> RelOp.GE; case GE -> RelOp.LE; default -> op; };
    }

    /** Without free symbols every point is the same point. */
    @Override public int points() { return symbols.isEmpty() && dims.isEmpty() ? 1 : points; }

    @Override public int minimum() { return Math.min(8, points()); }

    @Override public String whyNoPoint() { return whyNot; }

    @Override public boolean confined() {
        for (Relation r : assumptions) if (r.op() == RelOp.EQ) return true;
        for (double[] b : bounds.values()) if (b[0] == b[1]) return true;
        return false;
    }

    @Override public Optional<Expr> definition(String name) { return Optional.empty(); }

    @Override public Optional<Point> point(int k) {
        SplittableRandom rng = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + k);
        for (int t = 0; t < 64; t++) {
            Env env = new Env();
            Map<String, Integer> sizes = new LinkedHashMap<>();
            for (String d : dims) {
                int n = 1 + rng.nextInt(4);
                sizes.put(d, n);
                env.size(d, n);
            }
            Map<String, Value> drawn = new LinkedHashMap<>();
            for (Sym s : symbols) {
                Value v = draw(s, sizes, rng);
                drawn.put(s.name(), v);
                env.set(s.name(), v);
            }
            Point p = new Point(k, sizes, env, drawn, List.of());
            if (admissible(p)) return Optional.of(p);
        }
        whyNot = "no draw in 64 tries satisfied the assumptions";
        return Optional.empty();
    }

    private boolean admissible(Point p) {
        for (Relation r : assumptions) {
            try {
                double l = eval(r.lhs(), p).flatten()[0], h = eval(r.rhs(), p).flatten()[0];
                if (Double.isNaN(l) || Double.isNaN(h)) return false;
                boolean ok = switch (r.op()) {
                    case EQ -> Math.abs(l - h) <= 1e-12 * Math.max(1, Math.max(Math.abs(l), Math.abs(h)));
                    case NE -> l != h;
                    case LT -> l < h;
                    case LE -> l <= h;
                    case GT -> l > h;
                    case GE -> l >= h;
                };
                if (!ok) return false;
            } catch (EvaluationException | IllegalArgumentException | ArithmeticException e) {
                return false;
            }
        }
        return true;
    }

    private Value draw(Sym s, Map<String, Integer> sizes, SplittableRandom rng) {
        Shape sh = s.shape();
        int rows = sh.rows().evaluate(sizes), cols = sh.cols().evaluate(sizes);
        double[] d = new double[rows * cols];
        boolean exponent = exponents.contains(s.name());
        double[] b = bounds.get(s.name());
        for (int i = 0; i < d.length; i++) d[i] = entry(rng, exponent, b);
        if (sh.isScalar()) return new Value.Real(d[0]);
        if (sh.isVector()) return Value.vector(d);
        double[][] m = new double[rows][cols];
        for (int r = 0; r < rows; r++) System.arraycopy(d, r * cols, m[r], 0, cols);
        return Value.matrix(m);
    }

    /** One entry from the mixture, shaped by simple bounds. */
    static double entry(SplittableRandom rng, boolean exponent, double[] b) {
        double u = rng.nextDouble();
        double raw;
        if (exponent ? u < 0.4 : u < 0.25) raw = rng.nextInt(1, 6) * (rng.nextBoolean() ? 1 : -1);
        else if (exponent ? u < 0.7 : u < 0.4) raw = (2 * rng.nextInt(0, 5) + 1) / 2.0 * (rng.nextBoolean() ? 1 : -1);
        else if (u < 0.7) raw = Math.exp(rng.nextDouble(Math.log(1e-2), Math.log(1e2))) * (rng.nextBoolean() ? 1 : -1);
        else raw = rng.nextGaussian();
        if (b == null) return raw;
        double lo = b[0], hi = b[1];
        if (Double.isInfinite(lo) && Double.isInfinite(hi)) return raw;
        if (Double.isInfinite(hi)) return lo + Math.abs(raw) + (b[2] == 1 && raw == 0 ? 1e-3 : 0);
        if (Double.isInfinite(lo)) return hi - Math.abs(raw) - (b[3] == 1 && raw == 0 ? 1e-3 : 0);
        double w = hi - lo;
        double t = 0.02 + 0.96 * rng.nextDouble();
        if (rng.nextInt(4) == 0) {
            // an integer or half-integer inside, if there is one
            double c = Math.ceil(2 * lo + (b[2] == 1 ? 1e-9 : 0)) / 2;
            if (c < hi || (c == hi && b[3] == 0)) return c;
        }
        return lo + t * w;
    }

    @Override public Value eval(Expr e, Point p) {
        Compiled c = compiled.computeIfAbsent(e, Compiler::compile);
        return c.evaluate(p.env());
    }
}
