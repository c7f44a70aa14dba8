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

/**
 * The statement of a problem in LaTeX: the spec's own text (if any), then the problem in
 * mathematical notation generated from the declarations — "Given …, let …, minimize … subject to …,
 * find …, show …" — with the spec's LaTeX names.
 */
public final class StatementWriter {
    private final Problem p;
    private final LatexPrinter printer;
    private final LatexLayout layout;

    public StatementWriter(Problem p, LatexPrinter printer) {
        this.p = p;
        this.printer = printer;
        this.layout = new LatexLayout(printer, LatexLayout.WIDTH + 4);
    }

    /** The name the objective gets: f, or F when the problem itself uses f. */
    public static String objectiveName(Problem p, LatexNames names) {
        boolean taken = p.symbols().anyMatch(s -> names.symbol(s).equals("f"))
                || p.functions().stream().anyMatch(fn -> names.name(fn.name()).equals("f"));
        return taken ? "F" : "f";
    }

    public String write() {
        StringBuilder b = new StringBuilder();
        p.statement().ifPresent(s -> b.append(ProseMath.authored(p).text(s)).append("\n\n"));
        String given = givenSentence();
        if (!given.isEmpty()) b.append(given).append('\n');
        String lets = letSentence();
        if (!lets.isEmpty()) b.append(lets).append('\n');
        b.append(task());
        return b.toString().strip() + "\n";
    }

    // ---------------------------------------------------------------- given …

    private String givenSentence() {
        Set<Relation> used = new HashSet<>();
        List<String> items = new ArrayList<>();
        for (DimDecl d : p.dims()) {
            List<Relation> bounds = rebase(d.sym(), d.bounds()).stream().filter(r -> !sizeLimit(r)).toList();
            if (!bounds.isEmpty()) items.add("$" + printer.print(bounds) + "$");
        }
        // group consecutive givens that are described the same way: "g, \theta^t \in \mathbb{R}^n"
        Map<String, List<String>> groups = new LinkedHashMap<>();
        for (SymbolDecl g : p.givens()) {
            if (g.definition().isPresent()) {
                groups.put("def:" + g.name(), List.of(printer.names().symbol(g.sym()) + " = " + printer.print(g.definition().get())));
                continue;
            }
            String where = where(g.sym(), g.domain(), used) + properties(p, g);
            groups.computeIfAbsent(where, k -> new ArrayList<>()).add(printer.names().symbol(g.sym()));
        }
        for (var e : groups.entrySet()) {
            if (e.getKey().startsWith("def:")) items.add("$" + e.getValue().get(0) + "$");
            else items.add("$" + String.join(", ", e.getValue()) + " " + e.getKey() + "$");
        }
        for (FunctionDecl f : p.functions()) {
            items.add("a differentiable function $" + printer.names().name(f.name()) + "\\colon \\mathbb{R} \\to \\mathbb{R}$");
        }
        for (RandomDecl r : p.randoms()) items.add(random(r));
        StringBuilder b = new StringBuilder();
        if (!items.isEmpty()) b.append("Given ").append(list(items)).append('.');
        List<String> assumptions = new ArrayList<>();
        for (Relation a : p.assumptions()) {
            if (!used.contains(a) && !sizeLimit(a) && !saidByTheNames(a)) assumptions.add("$" + printer.print(a) + "$");
        }
        if (!assumptions.isEmpty()) b.append(" Assume ").append(list(assumptions)).append('.');
        return b.toString();
    }

    /**
     * An upper bound on a size by a number (m <= 3): it exists to keep the numeric check feasible,
     * not in the exercise, so the statement leaves it out.
     */
    static boolean sizeLimit(Relation r) {
        boolean dimLeft = r.lhs() instanceof Sym l && l.kind() == SymKind.DIM, dimRight = r.rhs() instanceof Sym h && h.kind() == SymKind.DIM;
        if (dimLeft && r.rhs() instanceof Num) return r.op() == derivcheck.expr.RelOp.LE || r.op() == derivcheck.expr.RelOp.LT;
        if (dimRight && r.lhs() instanceof Num) return r.op() == derivcheck.expr.RelOp.GE || r.op() == derivcheck.expr.RelOp.GT;
        return false;
    }

    /**
     * An equation whose sides print the same ({@code v = lam*w} where v is written \lambda w): the
     * LaTeX names already say it, and "Assume $\lambda w = \lambda w$" reads as nonsense.
     */
    private boolean saidByTheNames(Relation a) {
        return a.op() == derivcheck.expr.RelOp.EQ
                && printer.print(a.lhs()).replace(" ", "").equals(printer.print(a.rhs()).replace(" ", ""));
    }

    private List<Relation> rebase(Sym s, List<Relation> bounds) {
        List<Relation> out = new ArrayList<>();
        for (Relation r : bounds) out.add(new Relation(r.op(), s, r.rhs(), r.pos()));
        return out;
    }

    /** "> 0", "\in (0, 1)", "\in \mathbb{R}^n": how a symbol is introduced, using up simple assumptions. */
    private String where(Sym s, Optional<Domain> domain, Set<Relation> used) {
        if (domain.isPresent()) return "\\in " + interval(domain.get()) + power(s.shape());
        if (s.isScalar()) {
            List<String> bounds = new ArrayList<>();
            for (Relation a : p.assumptions()) {
                if (a.lhs() instanceof Sym l && l.name().equals(s.name()) && a.rhs() instanceof Num) {
                    bounds.add(LatexPrinter.op(a.op()) + " " + printer.print(a.rhs()));
                    used.add(a);
                }
            }
            if (!bounds.isEmpty()) return String.join(" ", bounds.subList(0, 1));
        }
        return "\\in " + space(s.shape());
    }

    private String interval(Domain d) {
        return (d.loOpen() ? "(" : "[") + d.lo().map(printer::print).orElse("-\\infty") + ", "
                + d.hi().map(printer::print).orElse("\\infty") + (d.hiOpen() ? ")" : "]");
    }

    private String power(Shape s) {
        if (s instanceof Shape.Vector v) return "^{" + dim(v.n()) + "}";
        if (s instanceof Shape.Matrix m) return "^{" + dim(m.rows()) + " \\times " + dim(m.cols()) + "}";
        return "";
    }

    public String space(Shape s) { return "\\mathbb{R}" + power(s); }

    private String dim(Dim d) {
        StringBuilder b = new StringBuilder();
        for (var e : d.terms().entrySet()) {
            int c = e.getValue();
            if (b.length() > 0) b.append(c < 0 ? " - " : " + "); else if (c < 0) b.append("-");
            if (Math.abs(c) != 1) b.append(Math.abs(c));
            b.append(LatexNames.standard(e.getKey()));
        }
        if (d.constant() != 0 || b.length() == 0) {
            if (b.length() > 0) b.append(d.constant() < 0 ? " - " : " + ").append(Math.abs(d.constant()));
            else b.append(d.constant());
        }
        return b.toString();
    }

    private String random(RandomDecl r) {
        String name = printer.names().symbol(r.sym());
        String entries = r.sym().isScalar() ? "" : r.distribution().iid() ? " with i.i.d.\\ entries" : " with independent entries";
        String law;
        if (r.distribution() instanceof Distribution.Moments m) {
            law = " of mean $" + printer.print(m.mean()) + "$ and variance $" + printer.print(m.variance()) + "$";
        } else {
            Distribution.Named n = (Distribution.Named) r.distribution();
            List<String> args = n.params().stream().map(printer::print).toList();
            String family = switch (n.family()) {
                case NORMAL -> "\\mathcal{N}";
                case BERNOULLI -> "\\operatorname{Bernoulli}";
                case UNIFORM -> "\\operatorname{U}";
            };
            law = " $\\sim " + family + "(" + String.join(", ", args) + ")$";
        }
        return "a random $" + name + " \\in " + space(r.sym().shape()) + "$" + entries + law;
    }

    // ---------------------------------------------------------------- let …

    private String letSentence() {
        if (p.lets().isEmpty()) return "";
        StringBuilder b = new StringBuilder("Let\n\\begin{align*}\n");
        List<String> rows = new ArrayList<>();
        for (LetDef l : p.lets()) {
            Expr lhs = l.sym();
            String suffix = "";
            if (l.range().isPresent()) {
                IndexRange r = l.range().get();
                lhs = new Index(l.sym(), List.of(r.index()), l.pos());
                suffix = " \\qquad " + range(r);
            }
            List<String> rs = layout.rows(printer.print(lhs), "=", printer.terms(l.body()));
            rs = new ArrayList<>(rs);
            rs.set(rs.size() - 1, rs.get(rs.size() - 1) + suffix);
            rows.addAll(rs);
        }
        b.append(String.join(" \\\\\n", rows)).append("\n\\end{align*}\n");
        return b.toString();
    }

    /** "\text{for } i = 1, \dots, n" */
    public String range(IndexRange r) {
        return "\\text{for } " + printer.names().symbol(r.index()) + " = " + printer.print(r.lo()) + ", \\dots, "
                + printer.print(r.hi());
    }

    // ---------------------------------------------------------------- the task

    private String task() {
        StringBuilder b = new StringBuilder();
        Optional<Objective> obj = p.objective();
        List<Expr> targets = new ArrayList<>(p.targets());
        boolean optimum = targets.removeIf(t -> t instanceof Sym s && s.kind() == SymKind.OPTIMUM);
        if (obj.isPresent()) {
            String f = objectiveName(p, printer.names());
            List<String> over = new ArrayList<>();
            List<String> args = new ArrayList<>();
            for (SymbolDecl u : p.unknowns()) {
                String n = printer.names().symbol(u.sym());
                args.add(n);
                over.add(n + " \\in " + u.domain().map(d -> interval(d) + power(u.sym().shape())).orElse(space(u.sym().shape())));
            }
            String sense = obj.get().sense() == Objective.Sense.MINIMIZE ? "Minimize" : "Maximize";
            b.append(sense).append(" over $").append(String.join(",\\ ", over)).append("$\n\\begin{align*}\n");
            List<String> rows = new ArrayList<>(layout.rows(f + "(" + String.join(", ", args) + ")", "=",
                    printer.terms(obj.get().expr())));
            b.append(String.join(" \\\\\n", rows));
            if (!p.constraints().isEmpty()) {
                b.append("\n\\end{align*}\nsubject to\n\\begin{align*}\n");
                List<String> cs = new ArrayList<>();
                for (Constraint c : p.constraints()) {
                    List<String> r = new ArrayList<>(layout.rows(c.relations()));
                    if (c.forAll().isPresent()) {
                        r.set(r.size() - 1, r.get(r.size() - 1) + " \\qquad \\text{for all } " + printer.names().symbol(c.forAll().get()));
                    }
                    cs.addAll(r);
                }
                b.append(String.join(" \\\\\n", cs));
            }
            b.append("\n\\end{align*}\n");
            if (optimum) b.append("and find the optimal value $f^{\\star}$ of $").append(f).append("$.\n");
        }
        if (!targets.isEmpty()) {
            List<String> ts = targets.stream().map(t -> "$" + printer.print(t) + "$").toList();
            b.append(obj.isPresent() ? "Find also " : "Find ").append(list(ts)).append(".\n");
        }
        for (SuchThat s : p.conditions()) {
            List<Relation> bounds = rebase(s.unknown(), s.bounds());
            b.append("Find all $").append(printer.print(bounds.isEmpty() ? List.of() : bounds))
                    .append(bounds.isEmpty() ? printer.names().symbol(s.unknown()) : "").append("$ such that\n\\[ ")
                    .append(printer.print(s.condition())).append(" \\]\n");
        }
        for (SolveFor s : p.solves()) {
            b.append("Solve\n\\[ ").append(layout.display(s.equation())).append(" \\]\nfor $")
                    .append(printer.names().symbol(s.unknown())).append("$.\n");
        }
        if (!p.shows().isEmpty()) {
            b.append("Show that\n\\begin{align*}\n");
            List<String> rows = new ArrayList<>();
            for (Claim c : p.shows()) {
                List<String> r = new ArrayList<>(layout.rows(c.relations()));
                if (c.range().isPresent()) r.set(r.size() - 1, r.get(r.size() - 1) + " \\qquad " + range(c.range().get()));
                rows.addAll(r);
            }
            b.append(String.join(" \\\\\n", rows)).append("\n\\end{align*}\n");
        }
        return b.toString();
    }

    static String list(List<String> items) {
        if (items.size() == 1) return items.get(0);
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }

    /** Declared matrix properties in words: ", symmetric positive definite". */
    private static String properties(Problem p, SymbolDecl g) {
        StringBuilder b = new StringBuilder();
        for (derivcheck.model.MatrixFact f : p.matrixFacts()) {
            if (f.sym().name().equals(g.name())) b.append(b.length() == 0 ? "" : " ").append(f.property().phrase());
        }
        return b.length() == 0 ? "" : " \\text{ " + b + "}";
    }
}
