package derivcheck.render;

import derivcheck.derive.Lets;
import derivcheck.derive.Result;
import derivcheck.expr.Expr;
import derivcheck.expr.Exprs;
import derivcheck.expr.Num;
import derivcheck.expr.Relation;
import derivcheck.expr.Sym;
import derivcheck.expr.SymKind;
import derivcheck.model.DimDecl;
import derivcheck.model.Domain;
import derivcheck.model.Objective;
import derivcheck.model.Problem;
import derivcheck.model.SymbolDecl;
import derivcheck.numeric.Compiled;
import derivcheck.numeric.Env;
import derivcheck.numeric.Interval;
import derivcheck.numeric.Rng;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A pgfplots figure of a one-dimensional objective (one scalar unknown, no constraints besides its
 * domain), evaluated from the spec at drawn values of the other scalars, with the derived optimizer
 * marked. Nothing is drawn by hand: every coordinate is computed here.
 */
public final class FigureWriter {
    private static final int POINTS = 121;
    private final long seed;

    public FigureWriter(long seed) { this.seed = seed; }

    /** The figure, or empty when the problem is not a scalar problem we can evaluate. */
    public Optional<String> write(Problem p, List<Result> results, LatexPrinter printer) {
        try {
            return build(p, results, printer);
        } catch (RuntimeException e) {
            return Optional.empty(); // not evaluable (a vector, a user function, a domain problem): no figure
        }
    }

    private Optional<String> build(Problem p, List<Result> results, LatexPrinter printer) {
        if (p.objective().isEmpty() || p.unknowns().size() != 1 || !p.constraints().isEmpty()) return Optional.empty();
        SymbolDecl u = p.unknowns().get(0);
        if (!u.sym().isScalar() || !p.functions().isEmpty() || !p.randoms().isEmpty()) return Optional.empty();
        Objective obj = p.objective().get();
        Expr f = Lets.inline(p, obj.expr());
        if (Exprs.anyNode(f, e -> e instanceof Sym s && s.kind() == SymKind.LET)) return Optional.empty();
        Compiled fc = Compiled.of(f);
        for (String name : fc.symbols()) {
            Optional<Sym> s = p.symbol(name);
            if (s.isEmpty() || !s.get().isScalar()) return Optional.empty();
        }
        // values for the other scalars, drawn until the assumptions hold
        Map<String, Double> values = draw(p, u.sym().name(), fc);
        if (values == null) return Optional.empty();
        Env env = new Env();
        for (DimDecl d : p.dims()) env.size(d.sym().name(), values.get(d.sym().name()).intValue());
        values.forEach(env::set);

        Optional<Result> opt = results.stream()
                .filter(r -> r.target().equals(u.sym()) && r.conditions().isEmpty() && r.range().isEmpty()).findFirst();
        double xs = Double.NaN;
        if (opt.isPresent()) xs = Compiled.of(Lets.inline(p, opt.get().value())).evaluateScalar(env);
        Interval dom = u.domain().map(FigureWriter::interval).orElse(Interval.REAL);
        double lo, hi;
        if (dom.bounded()) {
            double w = dom.hi() - dom.lo();
            lo = dom.lo() + 0.01 * w;
            hi = dom.hi() - 0.01 * w;
        } else if (Double.isFinite(dom.lo()) && Double.isFinite(xs) && xs > dom.lo()) {
            lo = dom.lo() + (xs - dom.lo()) / 4;
            hi = dom.lo() + (xs - dom.lo()) * 3;
        } else {
            double c = Double.isFinite(xs) ? xs : 0, w = 3 * Math.max(1, Math.abs(c));
            lo = Math.max(c - w, Double.isFinite(dom.lo()) ? dom.lo() + 1e-3 : c - w);
            hi = Math.min(c + w, Double.isFinite(dom.hi()) ? dom.hi() - 1e-3 : c + w);
        }
        if (!(hi > lo)) return Optional.empty();
        double[] xv = new double[POINTS], yv = new double[POINTS];
        Env work = env.copy();
        for (int k = 0; k < POINTS; k++) {
            xv[k] = lo + (hi - lo) * k / (POINTS - 1);
            yv[k] = fc.evaluateScalar(work.set(u.sym().name(), xv[k]));
        }
        boolean marked = Double.isFinite(xs) && xs >= lo && xs <= hi;
        double fs = marked ? fc.evaluateScalar(work.set(u.sym().name(), xs)) : Double.NaN;
        marked &= Double.isFinite(fs);
        double[] finite = Arrays.stream(yv).filter(Double::isFinite).sorted().toArray();
        if (finite.length < POINTS / 2) return Optional.empty();
        boolean min = obj.sense() == Objective.Sense.MINIMIZE;
        double ref = marked ? fs : (min ? finite[0] : finite[finite.length - 1]);
        double[] dev = Arrays.stream(finite).map(y -> Math.abs(y - ref)).sorted().toArray();
        double spread = Math.max(dev[(int) (0.75 * (dev.length - 1))], 1e-9);
        double ymin = min ? Math.max(finite[0], ref - 0.1 * spread) - 0.05 * spread : ref - spread;
        double ymax = min ? ref + spread : Math.min(finite[finite.length - 1], ref + 0.1 * spread) + 0.05 * spread;
        if (!min) ymin = Math.max(ymin, finite[0] - 0.05 * spread);
        else ymax = Math.min(ymax, finite[finite.length - 1] + 0.05 * spread);

        String x = printer.names().symbol(u.sym());
        String fname = StatementWriter.objectiveName(p, printer.names());
        StringBuilder b = new StringBuilder();
        b.append("\\begin{center}\n\\begin{tikzpicture}\n\\begin{axis}[width=0.72\\textwidth, height=5.2cm, ")
                .append("xlabel={$").append(x).append("$}, ylabel={$").append(fname).append("$}, ")
                .append("xmin=").append(num(lo)).append(", xmax=").append(num(hi)).append(", ")
                .append("ymin=").append(num(ymin)).append(", ymax=").append(num(ymax)).append(", ")
                .append("scaled ticks=false, tick label style={font=\\footnotesize}, ")
                .append("yticklabel style={/pgf/number format/fixed}, axis lines=left]\n");
        b.append("\\addplot[thick, blue!70!black] coordinates {");
        for (int k = 0; k < POINTS; k++) {
            if (!Double.isFinite(yv[k]) || yv[k] < ymin - 10 * spread || yv[k] > ymax + 10 * spread) continue;
            b.append(k % 4 == 0 ? "\n  " : " ").append('(').append(num(xv[k])).append(',').append(num(yv[k])).append(')');
        }
        b.append("\n};\n");
        if (marked) {
            b.append("\\draw[dashed, gray] (axis cs:").append(num(xs)).append(',').append(num(ymin)).append(") -- (axis cs:")
                    .append(num(xs)).append(',').append(num(fs)).append(");\n");
            b.append("\\addplot[only marks, mark=*, red!75!black] coordinates {(").append(num(xs)).append(',')
                    .append(num(fs)).append(")} node[").append(min ? "above" : "below").append("] {$")
                    .append(starred(x)).append("$};\n");
        }
        b.append("\\end{axis}\n\\end{tikzpicture}\n\n");
        List<String> at = new ArrayList<>();
        for (var e : values.entrySet()) {
            String n = p.symbol(e.getKey()).map(printer.names()::symbol).orElse(e.getKey());
            at.add("$" + n + " = " + shortNum(e.getValue()) + "$");
        }
        b.append("\\parbox{0.85\\textwidth}{\\small Objective $").append(fname).append('(').append(x)
                .append(")$ evaluated at ").append(StatementWriter.list(at))
                .append(" (drawn with seed ").append(seed).append(")");
        if (marked) {
            b.append("; the derived ").append(min ? "minimizer" : "maximizer").append(" $").append(starred(x))
                    .append(" = ").append(shortNum(xs)).append("$ is marked.}");
        } else {
            b.append(".}");
        }
        b.append("\n\\end{center}\n");
        return Optional.of(b.toString());
    }

    private static String starred(String x) {
        return LatexNames.isAtom(x) && !LatexNames.hasTopLevel(x, '^') ? x + "^{\\star}" : "(" + x + ")^{\\star}";
    }

    /** An assumption that does not mention the unknown, as lhs - rhs compiled. */
    private record Check(Relation relation, Compiled difference) {}

    /** Draws every other free scalar: in its domain, positive where assumed, else normal; rounded to 2 digits. */
    private Map<String, Double> draw(Problem p, String unknown, Compiled fc) {
        List<Check> checks = new ArrayList<>();
        for (Relation a : p.assumptions()) {
            if (Exprs.mentions(a.lhs(), unknown) || Exprs.mentions(a.rhs(), unknown)) continue;
            try {
                checks.add(new Check(a, Compiled.of(Lets.inline(p, Exprs.sub(a.lhs(), a.rhs())))));
            } catch (RuntimeException e) {
                // an assumption about E[...] or a vector: not about the drawn scalars
            }
        }
        Rng rng = new Rng(seed);
        TreeSet<String> names = new TreeSet<>(fc.symbols());
        names.remove(unknown);
        for (int attempt = 0; attempt < 200; attempt++) {
            Map<String, Double> v = new LinkedHashMap<>();
            for (String n : names) {
                Optional<DimDecl> dim = p.dims().stream().filter(d -> d.sym().name().equals(n)).findFirst();
                if (dim.isPresent()) { v.put(n, (double) Math.max(dim.get().minimum(), 2)); continue; }
                Interval iv = p.givens().stream().filter(g -> g.name().equals(n)).findFirst()
                        .flatMap(SymbolDecl::domain).map(FigureWriter::interval).orElse(Interval.REAL);
                if (positive(p, n)) iv = new Interval(Math.max(iv.lo(), 0), iv.hi(), true, iv.hiOpen());
                double x = iv.equals(Interval.REAL) ? rng.normal() : rng.in(iv);
                double r = Math.round(x * 100) / 100.0;
                if (!iv.contains(r) || r == 0) r = x;
                v.put(n, r);
            }
            if (holds(p, checks, v)) return v;
        }
        return null;
    }

    private static boolean holds(Problem p, List<Check> checks, Map<String, Double> v) {
        Env env = new Env();
        for (DimDecl d : p.dims()) if (v.containsKey(d.sym().name())) env.size(d.sym().name(), v.get(d.sym().name()).intValue());
        v.forEach(env::set);
        for (Check c : checks) {
            if (!v.keySet().containsAll(c.difference().symbols())) continue;
            double d = c.difference().evaluateScalar(env);
            if (!c.relation().op().holds(d, 0)) return false;
        }
        return true;
    }

    private static boolean positive(Problem p, String name) {
        for (Relation a : p.assumptions()) {
            if (a.lhs() instanceof Sym s && s.name().equals(name) && a.rhs() instanceof Num n && n.value().signum() >= 0
                    && (a.op() == derivcheck.expr.RelOp.GT || a.op() == derivcheck.expr.RelOp.GE)) {
                return true;
            }
        }
        return false;
    }

    private static Interval interval(Domain d) {
        double lo = d.lo().map(e -> Compiled.of(e).evaluateScalar(new Env())).orElse(Double.NEGATIVE_INFINITY);
        double hi = d.hi().map(e -> Compiled.of(e).evaluateScalar(new Env())).orElse(Double.POSITIVE_INFINITY);
        return new Interval(lo, hi, d.loOpen() || !Double.isFinite(lo), d.hiOpen() || !Double.isFinite(hi));
    }

    private static String num(double x) { return String.format(Locale.ROOT, "%.6g", x).replaceAll("\\.?0+(e|$)", "$1"); }

    private static String shortNum(double x) {
        if (x == Math.rint(x) && Math.abs(x) < 1e6) return String.valueOf((long) x);
        return String.format(Locale.ROOT, "%.3g", x);
    }
}
