package derivcheck.derive.optimization;

import derivcheck.derive.Calculus;
import derivcheck.derive.DeriveContext;
import derivcheck.derive.Lets;
import derivcheck.derive.Tidy;
import derivcheck.derive.WholeSums;
import derivcheck.derive.linear.AffineForm;
import derivcheck.expr.Expr;
import derivcheck.expr.Exprs;
import derivcheck.expr.Relation;
import derivcheck.expr.Sym;
import derivcheck.model.Constraint;
import derivcheck.model.Objective;
import derivcheck.model.Problem;
import derivcheck.model.SymbolDecl;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An optimization problem in one unknown, prepared once for every fast path and the KKT core (see
 * {@link Optimize}): always a minimization (maximize f is minimize -f), with every `let` inlined
 * into objective and constraints; the gradient of the minimized objective ({@code Calculus}; empty
 * where its rules cannot differentiate it) and the constraints as the KKT core sorts them
 * ({@link KktConstraints}). The facts of the spec are in the derivation's context. When the gradient is
 * not affine as written but is once the objective's index sums are written in matrix form
 * ({@link WholeSums}), the minimized objective and its gradient are the matrix form ({@code matrixForm},
 * shown as a step), and {@code original} stays the objective as the spec writes it.
 */
public record Optimization(Sym unknown, SymbolDecl declaration, Expr objective, Expr original,
                           boolean maximize, List<Constraint> constraints, Optional<Expr> gradient, KktConstraints kkt,
                           Optional<Expr> matrixForm) {

    /** The view, or the reason the problem is not a one-unknown optimization problem. */
    public static Either of(Problem p) {
        if (p.objective().isEmpty()) return new Either(Optional.empty(), "there is no objective");
        if (p.unknowns().size() != 1) {
            return new Either(Optional.empty(), p.unknowns().isEmpty() ? "there is no unknown ('find x : …')"
                    : "it optimizes over " + p.unknowns().size() + " unknowns jointly");
        }
        Objective o = p.objective().get();
        Optional<Expr> full = Lets.fully(p, o.expr());
        // an index-defined vector used as a whole: its entrywise vector form, when its body has one
        if (full.isEmpty()) full = derivcheck.derive.WholeVectors.inline(p, o.expr());
        if (full.isEmpty()) return new Either(Optional.empty(), "the objective uses an entrywise definition as a whole vector or matrix,"
                + " and its entries are not an entrywise formula in vectors of its length or rows of matrices of its height"
                + " (a shift of the index, a sum over it, or a vector free of the index added to a row)");
        Expr f = full.get();
        boolean max = o.sense() == Objective.Sense.MAXIMIZE;
        List<Constraint> cs = new ArrayList<>();
        for (Constraint c : p.constraints()) {
            List<Relation> rs = new ArrayList<>();
            for (Relation r : c.relations()) {
                rs.add(new Relation(r.op(), Lets.inline(p, r.lhs()), Lets.inline(p, r.rhs()), r.pos()));
            }
            cs.add(new Constraint(rs, c.forAll(), c.pos()));
        }
        SymbolDecl d = p.unknowns().get(0);
        Sym x = d.sym();
        Expr minimized = max ? Exprs.neg(f) : f;
        Optional<Expr> gradient = Calculus.gradient(minimized, x);
        Optional<Expr> matrixForm = Optional.empty();
        if (!affine(gradient, x)) {
            // index sums over the whole range (Σ_i c_i(⟨X_i, w⟩ − t_i)²) in matrix form, when that makes the gradient affine
            Optional<Expr> m = WholeSums.matrixForm(f, e -> e.equals(x));
            Optional<Expr> mg = m.flatMap(e -> Calculus.gradient(max ? Exprs.neg(e) : e, x));
            if (affine(mg, x)) {
                minimized = max ? Exprs.neg(m.get()) : m.get();
                gradient = mg;
                matrixForm = m;
            }
        }
        return new Either(Optional.of(new Optimization(x, d, minimized, f, max, cs, gradient, KktConstraints.read(cs, x), matrixForm)), "");
    }

    private static boolean affine(Optional<Expr> gradient, Sym x) {
        return gradient.flatMap(g -> AffineForm.of(g, x)).filter(a -> !a.radial()).isPresent();
    }

    /**
     * The steps of a derivation with the matrix form of the objective's index sums (when it was taken)
     * right after the objective: f = Σ_i c_i(⟨X_i, w⟩ − t_i)² is f = (X·w − t)ᵀdiag(c)(X·w − t).
     */
    public derivcheck.derive.Attempt withMatrixForm(derivcheck.derive.Attempt a) {
        if (matrixForm.isEmpty() || !(a instanceof derivcheck.derive.Attempt.Derived d) || d.steps().isEmpty()) return a;
        List<derivcheck.derive.Step> out = new ArrayList<>(d.steps());
        List<Object> why = new ArrayList<>(List.of("each index sum runs over the whole length of the vectors it indexes and"
                + " its summand is entrywise, so it is a product of whole vectors (a weight between two of them on a diagonal): "));
        List<Relation> forms = WholeSums.forms(original, e -> e.equals(unknown));
        for (int k = 0; k < forms.size(); k++) {
            if (k > 0) why.add("; ");
            why.add(forms.get(k));
        }
        out.add(1, derivcheck.derive.Step.explained("matrix form",
                new Relation(derivcheck.expr.RelOp.EQ, derivcheck.derive.Names.objective(), matrixForm.get(), derivcheck.expr.Pos.NONE),
                why.toArray()));
        return new derivcheck.derive.Attempt.Derived(out, d.results());
    }

    /** The view or why not. */
    public record Either(Optional<Optimization> value, String whyNot) {}

    /** c for a linear objective ⟨c, x⟩ + const: the gradient, when it is free of x (tidied). */
    public Optional<Expr> linearGradient(DeriveContext ctx) {
        Optional<AffineForm> g = gradient.flatMap(grad -> AffineForm.of(grad, unknown));
        if (g.isEmpty() || g.get().hasMatrixPart() || g.get().radial() || !Exprs.isZero(ctx.simplify(g.get().scalarPart()))) {
            return Optional.empty();
        }
        return Optional.of(Tidy.of(g.get().rest(), ctx));
    }

    public boolean unconstrained() { return constraints.isEmpty() && declaration.domain().isEmpty(); }

    /** "minimize" or "maximize", for step texts. */
    public String sense() { return maximize ? "maximize" : "minimize"; }
}
