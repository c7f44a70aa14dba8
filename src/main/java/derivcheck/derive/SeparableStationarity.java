package derivcheck.derive;

import derivcheck.cas.Assumptions;
import derivcheck.expr.Expr;
import derivcheck.expr.Exprs;
import derivcheck.expr.Index;
import derivcheck.expr.Num;
import derivcheck.expr.Pos;
import derivcheck.expr.RelOp;
import derivcheck.expr.Relation;
import derivcheck.expr.Shape;
import derivcheck.expr.Sym;
import derivcheck.expr.SymKind;
import derivcheck.model.Domain;
import derivcheck.model.IndexRange;
import derivcheck.model.Problem;
import derivcheck.model.SymbolDecl;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A vector unknown, no constraints besides an entrywise open domain, and an objective that
 * is a sum over coordinates (seed 001 A11): minimize one coordinate as a scalar problem, then
 * lift the coordinate formula back to an entrywise vector formula.
 */
final class SeparableStationarity implements Strategy {
    @Override public String name() { return "separable stationarity"; }

    @Override public Attempt attempt(Problem p, DeriveContext ctx) {
        Optimization.Either view = Optimization.of(p);
        if (view.value().isEmpty()) return Attempt.declined(view.whyNot());
        Optimization o = view.value().get();
        Sym x = o.unknown();
        if (!x.shape().isVector()) return Attempt.declined("the unknown is not a vector");
        if (!o.constraints().isEmpty()) return Attempt.declined("the problem has constraints besides a domain");
        Sym i = new Sym(Names.fresh(p, "i"), Shape.SCALAR, SymKind.INDEX, Pos.NONE);
        Optional<Expr> phi = Separation.perCoordinate(o.objective(), x, i);
        if (phi.isEmpty()) return Attempt.declined("the objective is not a sum of per-coordinate terms");
        // scalar stand-ins v_i for the entries, so the CAS sees plain symbols
        Map<Expr, Sym> entries = new HashMap<>();
        Expr scalarPhi = Exprs.transform(phi.get(), e -> {
            if (e instanceof Index ix && ix.base() instanceof Sym b && ix.indices().equals(List.of(i))) {
                return entries.computeIfAbsent(e, k -> new Sym(b.name() + "_" + i.name(), Shape.SCALAR,
                        b.name().equals(x.name()) ? SymKind.UNKNOWN : SymKind.GIVEN, Pos.NONE));
            }
            return null;
        });
        Sym xi = entries.get(new Index(x, List.of(i), Pos.NONE));
        if (xi == null) return Attempt.declined("the objective does not depend on the coordinates of " + x.name());
        Assumptions facts = Assumptions.NONE;
        for (SymbolDecl g : p.givens()) {
            if (!g.sym().shape().isVector()) continue;
            Sym stand = entries.get(new Index(g.sym(), List.of(i), Pos.NONE));
            if (stand != null && g.domain().isPresent()) facts = Facts.withDomain(facts, stand, g.domain().get());
        }
        Optional<Domain> domain = o.declaration().domain();
        if (domain.isPresent()) {
            if (!(domain.get().loOpen() && domain.get().hiOpen())) return Attempt.declined("the domain is not an open interval");
            facts = Facts.withDomain(facts, xi, domain.get());
        }
        DeriveContext c = ctx.with(facts);
        List<Step> steps = new ArrayList<>();
        steps.add(Step.of(o.sense(), new Relation(RelOp.EQ, Names.objective(), o.original(), Pos.NONE), "the objective"
                + (o.maximize() ? "; maximizing f is minimizing -f" : "")));
        steps.add(Step.of("separable", new Relation(RelOp.EQ, Names.scalar(Names.fresh(p, "f_i")), scalarPhi, Pos.NONE),
                "f is a sum over coordinates of terms that depend on " + xi.name() + " alone (up to a constant): "
                        + "minimize each on its own"));
        ScalarSolver.Outcome out = ScalarSolver.minimize(scalarPhi, xi, domain, c, o.maximize());
        steps.addAll(out.steps());
        if (out.root().isEmpty()) return out.declined() ? Attempt.declined(out.why()) : Attempt.undecided(out.why());
        Map<Sym, Expr> back = new HashMap<>();
        entries.forEach((entry, stand) -> back.put(stand, entry));
        Expr coordinate = Exprs.transform(out.root().get(), e -> e instanceof Sym s ? back.get(s) : null);
        Optional<Expr> lifted = Lifting.lift(coordinate, i);
        List<Result> results = new ArrayList<>();
        if (lifted.isPresent()) {
            Expr value = lifted.get();
            steps.add(Step.of("lift", new Relation(RelOp.EQ, x, value, Pos.NONE), "the same formula in every coordinate, entrywise"));
            results.add(Result.of(x, value));
            OptimalValue.add(p, o, value, c, steps, results);
        } else {
            Expr target = new Index(x, List.of(i), Pos.NONE);
            results.add(new Result(target, coordinate, List.of(),
                    Optional.of(new IndexRange(i, Num.ONE, dimension(x)))));
        }
        return new Attempt.Derived(steps, results);
    }

    private static Expr dimension(Sym x) {
        derivcheck.expr.Dim d = x.shape().rows();
        List<Expr> parts = new ArrayList<>();
        d.terms().forEach((name, k) -> parts.add(Exprs.mul(Num.of(k), new Sym(name, Shape.SCALAR, SymKind.DIM, Pos.NONE))));
        if (d.constant() != 0 || parts.isEmpty()) parts.add(Num.of(d.constant()));
        return Exprs.add(parts, Pos.NONE);
    }
}
