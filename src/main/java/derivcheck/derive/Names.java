package derivcheck.derive;

import derivcheck.expr.Expr;
import derivcheck.expr.Grad;
import derivcheck.expr.Pos;
import derivcheck.expr.Shape;
import derivcheck.expr.Sym;
import derivcheck.expr.SymKind;

/** Symbols that name things in derivation steps (the objective f, a multiplier mu, …). */
public final class Names {
    private Names() {}

    public static Sym scalar(String name) { return new Sym(name, Shape.SCALAR, SymKind.GIVEN, Pos.NONE); }

    public static Sym objective() { return new Sym("f", Shape.SCALAR, SymKind.LET, Pos.NONE); }

    public static Expr gradientOfObjective(Sym x) { return new Grad(objective(), x, Pos.NONE); }

    /**
     * A name for a symbol a strategy introduces (a multiplier, an index, a Lagrangian) that the
     * problem does not use anywhere: not a declared name, not a name inside any of its expressions
     * (the loss L of grad(L, y), the index of a sum or range, names in constraints, expects and
     * mistakes), and not a letter or command of its LaTeX names or of the $…$ of its title and
     * statement (L(\theta^t) takes L). The base, or the base with a number.
     */
    public static String fresh(derivcheck.model.Problem p, String base) {
        return numbered(base, taken(p));
    }

    /**
     * The first of the bases the problem does not use, else the first base numbered: a radius is l,
     * or r where l is taken, never l2 (which the sheet prints as the norm name \ell_2).
     */
    public static String fresh(derivcheck.model.Problem p, String first, String... others) {
        java.util.Set<String> taken = taken(p);
        if (!taken.contains(first)) return first;
        for (String b : others) if (!taken.contains(b)) return b;
        return numbered(first, taken);
    }

    /**
     * A name for a bound index a strategy introduces (x_i for i = 1..n): it only has to differ from
     * the problem's free names (declared names and the names its expressions use); an index the
     * problem itself binds (for all i, sum(i = …)) may be reused, as a course writes i for every range.
     */
    public static String freshIndex(derivcheck.model.Problem p, String base) {
        java.util.Set<String> taken = new java.util.HashSet<>();
        p.symbols().forEach(x -> taken.add(x.name()));
        p.functions().forEach(f -> taken.add(f.name()));
        for (Expr e : expressions(p)) {
            derivcheck.expr.Exprs.anyNode(e, x -> {
                if (x instanceof Sym y && y.kind() != derivcheck.expr.SymKind.INDEX) taken.add(y.name());
                return false;
            });
        }
        return numbered(base, taken);
    }

    private static String numbered(String base, java.util.Set<String> taken) {
        if (!taken.contains(base)) return base;
        for (int k = 2; ; k++) if (!taken.contains(base + k)) return base + k;
    }

    static java.util.Set<String> taken(derivcheck.model.Problem p) {
        java.util.Set<String> taken = new java.util.HashSet<>();
        p.symbols().forEach(x -> taken.add(x.name()));
        p.functions().forEach(f -> taken.add(f.name()));
        for (Expr e : expressions(p)) collect(e, taken);
        java.util.List<String> latex = new java.util.ArrayList<>();
        p.givens().forEach(d -> d.latex().ifPresent(latex::add));
        p.unknowns().forEach(d -> d.latex().ifPresent(latex::add));
        p.randoms().forEach(d -> d.latex().ifPresent(latex::add));
        p.lets().forEach(d -> d.latex().ifPresent(latex::add));
        p.functions().forEach(d -> d.latex().ifPresent(latex::add));
        for (String text : java.util.List.of(p.title(), p.statement().orElse(""))) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\$([^$]*)\\$").matcher(text);
            while (m.find()) latex.add(m.group(1));
        }
        for (String l : latex) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\\\?([A-Za-z]+)").matcher(l);
            while (m.find()) {
                String w = m.group(1);
                taken.add(w);
                if (!m.group().startsWith("\\")) w.chars().forEach(c -> taken.add(String.valueOf((char) c)));
            }
        }
        return taken;
    }

    private static void collect(Expr e, java.util.Set<String> taken) {
        derivcheck.expr.Exprs.anyNode(e, x -> {
            if (x instanceof Sym y) taken.add(y.name());
            if (x instanceof derivcheck.expr.Sum s) taken.add(s.index().name());
            if (x instanceof derivcheck.expr.Apply a && a.fn() instanceof derivcheck.expr.UserFunc u) taken.add(u.name());
            return false;
        });
    }

    /** Every expression of the problem, in any item. */
    private static java.util.List<Expr> expressions(derivcheck.model.Problem p) {
        java.util.List<Expr> out = new java.util.ArrayList<>();
        java.util.function.Consumer<java.util.List<derivcheck.expr.Relation>> rels = rs -> rs.forEach(r -> {
            out.add(r.lhs());
            out.add(r.rhs());
        });
        java.util.function.Consumer<derivcheck.model.Claim> claim = c -> {
            rels.accept(c.relations());
            c.range().ifPresent(r -> { out.add(r.index()); out.add(r.lo()); out.add(r.hi()); });
        };
        p.dims().forEach(d -> rels.accept(d.bounds()));
        p.givens().forEach(g -> g.definition().ifPresent(out::add));
        rels.accept(p.assumptions());
        p.lets().forEach(l -> {
            out.add(l.body());
            l.range().ifPresent(r -> { out.add(r.index()); out.add(r.lo()); out.add(r.hi()); });
        });
        p.objective().ifPresent(o -> out.add(o.expr()));
        p.constraints().forEach(c -> {
            rels.accept(c.relations());
            c.forAll().ifPresent(out::add);
        });
        out.addAll(p.targets());
        p.conditions().forEach(c -> {
            rels.accept(c.bounds());
            rels.accept(c.condition());
        });
        p.solves().forEach(s -> rels.accept(java.util.List.of(s.equation())));
        p.shows().forEach(claim);
        p.expects().forEach(claim);
        p.mistakes().forEach(m -> claim.accept(m.claim()));
        return out;
    }

    public static Sym multiplier(String name) { return new Sym(name, Shape.SCALAR, SymKind.UNKNOWN, Pos.NONE); }
}
