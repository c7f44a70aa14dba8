package derivcheck.render;

import derivcheck.expr.TextPrinter;
import derivcheck.expr.Expr;
import derivcheck.expr.Relation;
import derivcheck.model.Claim;
import derivcheck.model.Constraint;
import derivcheck.model.DimDecl;
import derivcheck.model.Distribution;
import derivcheck.model.Domain;
import derivcheck.model.FunctionDecl;
import derivcheck.model.IndexRange;
import derivcheck.model.LetDef;
import derivcheck.model.Mistake;
import derivcheck.model.Problem;
import derivcheck.model.RandomDecl;
import derivcheck.model.SolveFor;
import derivcheck.model.SuchThat;
import derivcheck.model.SymbolDecl;
import java.util.Optional;

/**
 * Prints a problem back in the spec language, normalized: one declaration per line,
 * every expression re-printed from the model, and its inferred shape as a comment.
 */
public final class ProblemPrinter {
    private ProblemPrinter() {}

    public static String print(Problem p) {
        StringBuilder b = new StringBuilder();
        b.append("problem ").append(p.name()).append("    # ").append(p.file()).append('\n');
        if (!p.title().isEmpty()) b.append("  title ").append(quote(p.title())).append('\n');
        if (!p.source().isEmpty()) b.append("  source ").append(quote(p.source())).append('\n');
        p.statement().ifPresent(s -> b.append("  statement ").append(quote(s)).append('\n'));
        for (DimDecl d : p.dims()) {
            b.append("  dim ").append(d.sym().name());
            for (Relation r : d.bounds()) b.append(' ').append(r.op().symbol()).append(' ').append(TextPrinter.print(r.rhs()));
            b.append('\n');
        }
        for (FunctionDecl f : p.functions()) {
            b.append("  given ").append(f.name()).append(" : function").append(latex(f.latex())).append('\n');
        }
        for (SymbolDecl g : p.givens()) {
            if (g.definition().isPresent()) {
                b.append("  given ").append(g.name()).append(" = ").append(TextPrinter.print(g.definition().get()))
                        .append(latex(g.latex())).append("    # ").append(g.sym().shape()).append('\n');
            } else {
                b.append("  given ").append(g.name()).append(" : ").append(g.sym().shape()).append(properties(p, g))
                        .append(domain(g.domain())).append(latex(g.latex())).append('\n');
            }
        }
        for (RandomDecl r : p.randoms()) {
            b.append("  random ").append(r.sym().name()).append(" : ").append(r.sym().shape()).append(domain(r.domain()))
                    .append(' ').append(distribution(r.distribution())).append(latex(r.latex())).append('\n');
        }
        for (SymbolDecl u : p.unknowns()) {
            b.append("  find ").append(u.name()).append(" : ").append(u.sym().shape()).append(domain(u.domain()))
                    .append(latex(u.latex())).append('\n');
        }
        for (Relation a : p.assumptions()) b.append("  assume ").append(TextPrinter.print(a)).append('\n');
        for (LetDef l : p.lets()) {
            b.append("  let ").append(l.sym().name());
            if (l.range().isPresent()) b.append('_').append(l.range().get().index().name());
            b.append(" = ").append(TextPrinter.print(l.body())).append(range(l.range())).append(latex(l.latex()))
                    .append("    # ").append(l.sym().shape()).append('\n');
        }
        p.objective().ifPresent(o -> b.append("  ").append(o.sense().name().toLowerCase()).append(' ')
                .append(TextPrinter.print(o.expr())).append('\n'));
        for (Constraint c : p.constraints()) {
            b.append("  subject to ").append(TextPrinter.print(c.relations()));
            c.forAll().ifPresent(i -> b.append(" for all ").append(i.name()));
            b.append('\n');
        }
        for (Expr t : p.targets()) {
            b.append("  find ").append(TextPrinter.print(t)).append("    # ").append(t.shape()).append('\n');
        }
        for (SuchThat s : p.conditions()) {
            b.append("  find ").append(s.unknown().name());
            for (Relation r : s.bounds()) b.append(' ').append(r.op().symbol()).append(' ').append(TextPrinter.print(r.rhs()));
            b.append(" such that ").append(TextPrinter.print(s.condition())).append('\n');
        }
        for (SolveFor s : p.solves()) {
            b.append("  solve ").append(TextPrinter.print(s.equation())).append(" for ").append(s.unknown().name()).append('\n');
        }
        for (Claim c : p.shows()) b.append("  show ").append(claim(c)).append('\n');
        for (Claim c : p.expects()) b.append("  expect ").append(claim(c)).append('\n');
        for (Mistake m : p.mistakes()) {
            b.append("  mistake ").append(TextPrinter.print(m.claim().relations())).append(range(m.claim().range()))
                    .append(" : ").append(quote(m.feedback())).append('\n');
        }
        return b.toString();
    }

    private static String claim(Claim c) {
        return TextPrinter.print(c.relations()) + range(c.range()) + "    # " + c.relations().get(0).lhs().shape();
    }

    private static String range(Optional<IndexRange> r) {
        return r.map(x -> " for " + x.index().name() + " in " + TextPrinter.print(x.lo()) + ".." + TextPrinter.print(x.hi()))
                .orElse("");
    }

    private static String domain(Optional<Domain> d) {
        if (d.isEmpty()) return "";
        Domain x = d.get();
        return " in " + (x.loOpen() ? "(" : "[") + x.lo().map(TextPrinter::print).orElse("-inf") + ", "
                + x.hi().map(TextPrinter::print).orElse("inf") + (x.hiOpen() ? ")" : "]");
    }

    private static String distribution(Distribution d) {
        String iid = d.iid() ? "iid " : "";
        if (d instanceof Distribution.Moments m) {
            return iid + "mean " + TextPrinter.print(m.mean()) + " var " + TextPrinter.print(m.variance());
        }
        Distribution.Named n = (Distribution.Named) d;
        StringBuilder b = new StringBuilder(iid + n.family().spelling() + "(");
        for (int k = 0; k < n.params().size(); k++) {
            if (k > 0) b.append(", ");
            b.append(TextPrinter.print(n.params().get(k)));
        }
        return b.append(')').toString();
    }

    private static String latex(Optional<String> l) { return l.map(s -> "  latex " + quote(s)).orElse(""); }

    static String quote(String s) { return "\"" + s.replace("\"", "\\\"") + "\""; }

    /** The declared matrix properties, as written: " symmetric positive definite". */
    private static String properties(Problem p, SymbolDecl g) {
        StringBuilder b = new StringBuilder();
        for (derivcheck.model.MatrixFact f : p.matrixFacts()) {
            if (f.sym().name().equals(g.name())) b.append(' ').append(f.property().phrase());
        }
        return b.toString();
    }
}
