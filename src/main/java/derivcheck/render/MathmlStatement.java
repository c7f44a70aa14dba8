package derivcheck.render;

import derivcheck.expr.Dim;
import derivcheck.expr.Expr;
import derivcheck.expr.Index;
import derivcheck.expr.Num;
import derivcheck.expr.Relation;
import derivcheck.expr.Shape;
import derivcheck.expr.Sym;
import derivcheck.expr.SymKind;
import derivcheck.model.Claim;
import derivcheck.model.Constraint;
import derivcheck.model.DimDecl;
import derivcheck.model.Distribution;
import derivcheck.model.Domain;
import derivcheck.model.FunctionDecl;
import derivcheck.model.IndexRange;
import derivcheck.model.LetDef;
import derivcheck.model.Objective;
import derivcheck.model.Problem;
import derivcheck.model.RandomDecl;
import derivcheck.model.SolveFor;
import derivcheck.model.SuchThat;
import derivcheck.model.SymbolDecl;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static derivcheck.render.MathmlNames.escape;
import static derivcheck.render.MathmlNames.mi;
import static derivcheck.render.MathmlNames.mn;
import static derivcheck.render.MathmlNames.mo;

/**
 * The statement of a problem as an HTML fragment with MathML, for the web page: the spec's own
 * text, then the problem generated from its declarations ("Given …, let …, minimize … subject to
 * …, find …, show …"), like {@link StatementWriter} does for LaTeX sheets. It prints only what the
 * student is asked: never an {@code expect} or a {@code mistake} of the spec.
 */
public final class MathmlStatement {
    private final Problem p;
    private final MathmlPrinter printer;

    public MathmlStatement(Problem p) {
        this.p = p;
        this.printer = MathmlPrinter.of(p);
    }

    public String write() {
        StringBuilder b = new StringBuilder();
        p.statement().ifPresent(s -> b.append("<p class=\"text\">").append(escape(s)).append("</p>"));
        String given = givenSentence();
        if (!given.isEmpty()) b.append("<p>").append(given).append("</p>");
        if (!p.lets().isEmpty()) {
            b.append("<p>Let</p>");
            for (LetDef l : p.lets()) {
                Expr lhs = l.sym();
                String suffix = "";
                if (l.range().isPresent()) {
                    lhs = new Index(l.sym(), List.of(l.range().get().index()), l.pos());
                    suffix = "<mspace width=\"2em\"></mspace>" + range(l.range().get());
                }
                b.append(block(row(printer.print(lhs), mo("="), printer.print(l.body()), suffix)));
            }
        }
        task(b);
        return b.toString();
    }

    private static String inline(String row) { return MathmlPrinter.math(row, false); }

    private static String block(String row) { return MathmlPrinter.math(row, true); }

    private static String row(String... parts) { return "<mrow>" + String.join("", parts) + "</mrow>"; }

    private String givenSentence() {
        Set<Relation> used = new HashSet<>();
        List<String> items = new ArrayList<>();
        for (DimDecl d : p.dims()) {
            if (!d.bounds().isEmpty()) {
                List<Relation> rs = new ArrayList<>();
                for (Relation r : d.bounds()) rs.add(new Relation(r.op(), d.sym(), r.rhs(), r.pos()));
                items.add(inline(printer.print(rs)));
            }
        }
        Map<String, List<String>> groups = new LinkedHashMap<>();
        Map<String, String> keyed = new LinkedHashMap<>();
        for (SymbolDecl g : p.givens()) {
            if (g.definition().isPresent()) {
                groups.put("def:" + g.name(), List.of(row(printer.symbol(g.sym()), mo("="), printer.print(g.definition().get()))));
                continue;
            }
            String where = where(g.sym(), g.domain(), used);
            groups.computeIfAbsent(where, k -> new ArrayList<>()).add(printer.symbol(g.sym()));
            keyed.put(where, where);
        }
        for (var e : groups.entrySet()) {
            if (e.getKey().startsWith("def:")) { items.add(inline(e.getValue().get(0))); continue; }
            StringBuilder names = new StringBuilder();
            for (int k = 0; k < e.getValue().size(); k++) names.append(k > 0 ? mo(",") : "").append(e.getValue().get(k));
            items.add(inline(row(names.toString(), e.getKey())));
        }
        for (FunctionDecl f : p.functions()) {
            items.add("a differentiable function " + inline(row(printer.name(f.name()), mo(":"), mi("ℝ"), mo("→"), mi("ℝ"))));
        }
        for (RandomDecl r : p.randoms()) items.add(random(r));
        StringBuilder b = new StringBuilder();
        if (!items.isEmpty()) b.append("Given ").append(list(items)).append('.');
        List<String> assumptions = new ArrayList<>();
        for (Relation a : p.assumptions()) if (!used.contains(a)) assumptions.add(inline(printer.print(a)));
        if (!assumptions.isEmpty()) b.append(" Assume ").append(list(assumptions)).append('.');
        return b.toString();
    }

    private String where(Sym s, Optional<Domain> domain, Set<Relation> used) {
        if (domain.isPresent()) return row(mo("∈"), power(interval(domain.get()), s.shape()));
        if (s.isScalar()) {
            for (Relation a : p.assumptions()) {
                if (a.lhs() instanceof Sym l && l.name().equals(s.name()) && a.rhs() instanceof Num) {
                    used.add(a);
                    return row(MathmlPrinter.op(a.op()), printer.print(a.rhs()));
                }
            }
        }
        return row(mo("∈"), space(s.shape()));
    }

    private String interval(Domain d) {
        return row(mo(d.loOpen() ? "(" : "["), d.lo().map(printer::print).orElse(row(mo("−"), mi("∞"))), mo(","),
                d.hi().map(printer::print).orElse(mi("∞")), mo(d.hiOpen() ? ")" : "]"));
    }

    private String power(String base, Shape s) {
        if (s instanceof Shape.Vector v) return "<msup>" + base + dim(v.n()) + "</msup>";
        if (s instanceof Shape.Matrix m) return "<msup>" + base + row(dim(m.rows()), mo("×"), dim(m.cols())) + "</msup>";
        return base;
    }

    private String space(Shape s) { return power(mi("ℝ"), s); }

    private static String dim(Dim d) {
        StringBuilder b = new StringBuilder();
        for (var e : d.terms().entrySet()) {
            int c = e.getValue();
            if (b.length() > 0) b.append(mo(c < 0 ? "−" : "+"));
            else if (c < 0) b.append(mo("−"));
            if (Math.abs(c) != 1) b.append(mn(Integer.toString(Math.abs(c))));
            b.append(MathmlNames.of(LatexNames.standard(e.getKey())));
        }
        if (d.constant() != 0 || b.length() == 0) {
            if (b.length() > 0) b.append(mo(d.constant() < 0 ? "−" : "+")).append(mn(Integer.toString(Math.abs(d.constant()))));
            else b.append(mn(Integer.toString(d.constant())));
        }
        return row(b.toString());
    }

    private String random(RandomDecl r) {
        String name = printer.symbol(r.sym());
        String entries = r.sym().isScalar() ? "" : r.distribution().iid() ? " with i.i.d. entries" : " with independent entries";
        String law;
        if (r.distribution() instanceof Distribution.Moments m) {
            law = " of mean " + inline(printer.print(m.mean())) + " and variance " + inline(printer.print(m.variance()));
        } else {
            Distribution.Named n = (Distribution.Named) r.distribution();
            StringBuilder args = new StringBuilder();
            for (int k = 0; k < n.params().size(); k++) args.append(k > 0 ? mo(",") : "").append(printer.print(n.params().get(k)));
            String family = switch (n.family()) {
                case NORMAL -> mi("\uD835\uDCA9");
                case BERNOULLI -> mi("Bernoulli");
                case UNIFORM -> "<mi mathvariant=\"normal\">U</mi>";
            };
            law = " " + inline(row(mo("∼"), family, mo("("), args.toString(), mo(")")));
        }
        return "a random " + inline(row(name, mo("∈"), space(r.sym().shape()))) + entries + law;
    }

    private String range(IndexRange r) {
        return row("<mtext>for&#xa0;</mtext>", printer.symbol(r.index()), mo("="), printer.print(r.lo()), mo(","), mo("…"), mo(","),
                printer.print(r.hi()));
    }

    private void task(StringBuilder b) {
        Optional<Objective> obj = p.objective();
        List<Expr> targets = new ArrayList<>(p.targets());
        boolean optimum = targets.removeIf(t -> t instanceof Sym s && s.kind() == SymKind.OPTIMUM);
        String f = StatementWriter.objectiveName(p, printer.names());
        if (obj.isPresent()) {
            List<String> over = new ArrayList<>();
            StringBuilder args = new StringBuilder();
            for (SymbolDecl u : p.unknowns()) {
                String n = printer.symbol(u.sym());
                args.append(args.length() > 0 ? mo(",") : "").append(n);
                over.add(inline(row(n, mo("∈"), u.domain().map(d -> power(interval(d), u.sym().shape())).orElse(space(u.sym().shape())))));
            }
            String sense = obj.get().sense() == Objective.Sense.MINIMIZE ? "Minimize" : "Maximize";
            b.append("<p>").append(sense).append(" over ").append(String.join(", ", over)).append("</p>");
            b.append(block(row(mi(f), MathmlPrinter.fenced("(", args.toString(), ")"), mo("="), printer.print(obj.get().expr()))));
            if (!p.constraints().isEmpty()) {
                b.append("<p>subject to</p>");
                for (Constraint c : p.constraints()) {
                    String all = c.forAll().map(i -> "<mspace width=\"2em\"></mspace><mtext>for all&#xa0;</mtext>" + printer.symbol(i)).orElse("");
                    b.append(block(row(printer.print(c.relations()), all)));
                }
            }
            if (optimum) b.append("<p>and find the optimal value ").append(inline("<msup>" + mi("f") + mo("⋆") + "</msup>"))
                    .append(" of ").append(inline(mi(f))).append(".</p>");
        }
        if (!targets.isEmpty()) {
            List<String> ts = targets.stream().map(t -> inline(printer.print(t))).toList();
            b.append("<p>").append(obj.isPresent() ? "Find also " : "Find ").append(list(ts)).append(".</p>");
        }
        for (SuchThat s : p.conditions()) {
            List<Relation> bounds = new ArrayList<>();
            for (Relation r : s.bounds()) bounds.add(new Relation(r.op(), s.unknown(), r.rhs(), r.pos()));
            b.append("<p>Find all ").append(inline(bounds.isEmpty() ? printer.symbol(s.unknown()) : printer.print(bounds)))
                    .append(" such that</p>").append(block(printer.print(s.condition())));
        }
        for (SolveFor s : p.solves()) {
            b.append("<p>Solve</p>").append(block(printer.print(s.equation()))).append("<p>for ")
                    .append(inline(printer.symbol(s.unknown()))).append(".</p>");
        }
        if (!p.shows().isEmpty()) {
            b.append("<p>Show that</p>");
            for (Claim c : p.shows()) {
                String r = c.range().map(x -> "<mspace width=\"2em\"></mspace>" + range(x)).orElse("");
                b.append(block(row(printer.print(c.relations()), r)));
            }
        }
    }

    private static String list(List<String> items) {
        if (items.size() == 1) return items.get(0);
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }
}
