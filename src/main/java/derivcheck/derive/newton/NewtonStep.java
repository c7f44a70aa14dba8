package derivcheck.derive.newton;

import derivcheck.cas.Sign;
import derivcheck.derive.Attempt;
import derivcheck.derive.DeriveContext;
import derivcheck.derive.Evaluation;
import derivcheck.derive.Lets;
import derivcheck.derive.Result;
import derivcheck.derive.Simplifier;
import derivcheck.derive.Step;
import derivcheck.derive.Strategy;
import derivcheck.derive.linear.Definiteness;
import derivcheck.derive.scalar.Curvature;
import derivcheck.expr.Expr;
import derivcheck.expr.Exprs;
import derivcheck.expr.Grad;
import derivcheck.expr.Inverse;
import derivcheck.expr.Num;
import derivcheck.expr.Pos;
import derivcheck.expr.Pow;
import derivcheck.expr.RelOp;
import derivcheck.expr.Relation;
import derivcheck.expr.Sym;
import derivcheck.expr.SymKind;
import derivcheck.expr.TextPrinter;
import derivcheck.model.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Newton steps: a target whose definition divides by a second derivative, w - f'(w)/f''(w), or
 * multiplies by the inverse of a Hessian, w - inv(grad(grad(f, w), w))*grad(f, w). The first and
 * second derivatives are computed from the definitions (package calculus), then the curvature is
 * decided before the step is written:
 * <ul>
 * <li>f'' > 0 on the whole domain, or H positive definite ({@link Definiteness}): the step is
 *     defined everywhere, and it minimizes the local quadratic model; the reason is a step;</li>
 * <li>a scalar f'' only proven ≥ 0 (Σ σ(1 − σ) x_i² is 0 when every x_i is 0): the step is derived
 *     under the condition f'' > 0, which the result carries;</li>
 * <li>otherwise (an indefinite or unknown Hessian, a semidefinite one for a vector step): declined,
 *     saying what is missing: a semidefinite H may be singular (then there is no Newton step), an
 *     indefinite one may step towards a saddle or a maximum ({@link #notDefinite}).</li>
 * </ul>
 */
public final class NewtonStep implements Strategy {
    @Override public String name() { return "Newton step"; }

    /** Does e divide by, or invert, a second derivative grad(grad(f, w), w)? */
    public static boolean hasNewtonInverse(Expr e) {
        return Exprs.anyNode(e, x -> x instanceof Inverse inv && hessian(inv.arg()).isPresent()
                || x instanceof Pow p && p.exponent().equals(Num.MINUS_ONE) && hessian(p.base()).isPresent());
    }

    /** grad(grad(f, w), w) with w a symbol: the Hessian node. */
    private static Optional<Grad> hessian(Expr e) {
        if (e instanceof Grad outer && outer.f() instanceof Grad inner && outer.wrt() instanceof Sym w && inner.wrt().equals(w)) {
            return Optional.of(outer);
        }
        return Optional.empty();
    }

    @Override public Attempt attempt(Problem p, DeriveContext ctx) {
        if (p.objective().isPresent()) return Attempt.declined("the problem is an optimization problem");
        List<Step> steps = new ArrayList<>();
        List<Result> results = new ArrayList<>();
        boolean any = false;
        for (Expr t : p.targets()) {
            if (!(t instanceof Sym s) || s.kind() != SymKind.LET) continue;
            Optional<Expr> def = Lets.fully(p, t);
            if (def.isEmpty() || !hasNewtonInverse(def.get())) continue;
            any = true;
            Optional<String> why = step(p, t, def.get(), ctx, steps, results);
            if (why.isPresent()) return Attempt.declined(why.get());
        }
        if (!any) return Attempt.declined("no target divides by a second derivative or inverts a Hessian grad(grad(f, w), w)");
        // the other targets are plain computations
        for (Expr t : p.targets()) {
            if (results.stream().anyMatch(r -> r.target().equals(t))) continue;
            Optional<Expr> e = Evaluation.explicit(p, t);
            if (e.isEmpty()) return Attempt.declined("'" + TextPrinter.print(t) + "' cannot be computed from the definitions");
            Expr v = Simplifier.any(e.get(), ctx);
            steps.add(Step.of("compute", new Relation(RelOp.EQ, t, v, Pos.NONE), "write out the definitions and simplify"));
            results.add(Result.of(t, v));
        }
        return new Attempt.Derived(steps, results);
    }

    /** grad(body of a let, w) written with the let's name, grad(L, w), as the spec writes it. */
    private static Grad shown(Problem p, Grad g) {
        for (derivcheck.model.LetDef d : p.lets()) {
            if (d.range().isPresent()) continue;
            Optional<Expr> body = Lets.fully(p, d.sym());
            if (body.isPresent() && body.get().equals(g.f())) return new Grad(d.sym(), g.wrt(), Pos.NONE);
        }
        return g;
    }

    /**
     * The scalar bodies of index sums (and the entries of tabulated vectors) simplified by the CAS,
     * bottom-up: sum(i, (1 - s_i)(1 - y_i) s_i x_i^2 + (1 - s_i) s_i x_i^2 y_i) becomes
     * sum(i, (1 - s_i) s_i x_i^2), which the sign rules can read.
     */
    static Expr inSums(Expr e, DeriveContext ctx) {
        List<Expr> kids = e.children();
        if (!kids.isEmpty()) {
            List<Expr> out = new ArrayList<>(kids.size());
            boolean changed = false;
            for (Expr k : kids) {
                Expr t = inSums(k, ctx);
                changed |= t != k;
                out.add(t);
            }
            if (changed) e = e.withChildren(out);
        }
        if (e instanceof derivcheck.expr.Sum s && s.body().isScalar()) {
            Expr b = Simplifier.scalar(s.body(), ctx);
            return b.equals(s.body()) ? e : new derivcheck.expr.Sum(s.index(), s.lo(), s.hi(), b, s.pos());
        }
        Optional<derivcheck.calculus.Entries.Tab> tab = derivcheck.calculus.Entries.matchVector(e);
        if (tab.isPresent()) {
            Expr b = Simplifier.scalar(tab.get().body(), ctx);
            if (!b.equals(tab.get().body())) return derivcheck.calculus.Entries.vector(tab.get().index(), tab.get().n(), b);
        }
        return e;
    }

    /**
     * Why a vector Newton step with this Hessian is not derived. A positive semidefinite H may be singular:
     * then H d = −g has no solution or infinitely many, and w − H⁻¹g does not exist (a pseudo-inverse step
     * is a different method); an indefinite or unknown H may also step towards a saddle point or a maximum.
     */
    static String notDefinite(Expr hessian, Definiteness.Verdict v) {
        String h = TextPrinter.print(hessian);
        String why = v.kind() == Definiteness.Kind.PSD
                ? "the Hessian " + h + " is only positive semidefinite, not shown positive definite: it may be singular, and"
                        + " where it is, inv(" + h + ") and so the Newton step do not exist (a pseudo-inverse step is another method)"
                : "the Hessian " + h + " is not shown positive definite (it is " + v.kind().words + "): the Newton step needs it"
                        + " invertible, and positive definite to step towards a minimum";
        return why + (v.hints().isEmpty() ? "" : "; " + String.join("; ", v.hints()));
    }

    /** The steps of one Newton target, or why it is declined. */
    private Optional<String> step(Problem p, Expr target, Expr def, DeriveContext ctx, List<Step> steps, List<Result> results) {
        List<Grad> hessians = new ArrayList<>();
        Exprs.anyNode(def, x -> {
            if ((x instanceof Inverse inv && hessian(inv.arg()).isPresent())) hessians.add(hessian(inv.arg()).get());
            if (x instanceof Pow pw && pw.exponent().equals(Num.MINUS_ONE) && hessian(pw.base()).isPresent()) hessians.add(hessian(pw.base()).get());
            return false;
        });
        List<Relation> conditions = new ArrayList<>();
        Expr replaced = def;
        for (Grad h0 : hessians) {
            Grad h = h0;
            Grad first = (Grad) h.f();
            Sym w = (Sym) h.wrt();
            Optional<Expr> g = Evaluation.explicit(p, first);
            Optional<Expr> hh = Evaluation.explicit(p, h);
            if (g.isEmpty() || hh.isEmpty()) return Optional.of("the derivatives of " + TextPrinter.print(first.f()) + " cannot be computed");
            Expr gv = inSums(Simplifier.any(g.get(), ctx), ctx), hv = inSums(Simplifier.any(hh.get(), ctx), ctx);
            Expr firstNode = first, hNode = h;
            Expr gSub = gv, hSub = hv;
            replaced = Exprs.transform(replaced, x -> x.equals(hNode) ? hSub : x.equals(firstNode) ? gSub : null);
            first = shown(p, first);
            h = new Grad(first, w, Pos.NONE);
            steps.add(Step.explained(w.isScalar() ? "first derivative" : "gradient", new Relation(RelOp.EQ, first, gv, Pos.NONE),
                    "differentiate ", first.f(), " with respect to ", w));
            steps.add(Step.explained(w.isScalar() ? "second derivative" : "Hessian", new Relation(RelOp.EQ, h, hv, Pos.NONE),
                    "differentiate ", first, " once more"));
            // the Hessian first: substituting grad(f, w) first would hide grad(grad(f, w), w) from the expects
            results.add(Result.of(h, hv));
            results.add(Result.of(first, gv));
            if (w.isScalar()) {
                Sign sign = Curvature.sign(hv, ctx);
                Relation positive = new Relation(RelOp.GT, h, Num.ZERO, Pos.NONE);
                if (sign == Sign.POSITIVE) {
                    steps.add(Step.explained("curvature", positive, "the second derivative ", hv,
                            " is positive under the assumptions (every term is positive or nonnegative, and one is positive), so the step is defined and minimizes the local quadratic model"));
                } else if (sign == Sign.NONNEGATIVE) {
                    conditions.add(positive);
                    steps.add(Step.explained("curvature", new Relation(RelOp.GE, h, Num.ZERO, Pos.NONE), "each term of ", hv,
                            " is nonnegative; the sum can be 0, so the step holds where ", positive, " (a minimum of the local model)"));
                } else {
                    return Optional.of("the second derivative " + TextPrinter.print(hv) + " is not shown positive (its sign is "
                            + sign.name().toLowerCase() + "): where it is 0 the Newton step is undefined, and where it is negative the"
                            + " step goes towards a maximum; state the assumptions that make it positive");
                }
            } else {
                Definiteness.Verdict v = Definiteness.of(Num.ZERO, List.of(hv), p, ctx);
                if (v.kind() != Definiteness.Kind.PD) return Optional.of(notDefinite(hv, v));
                List<Object> parts = new ArrayList<>(List.of("the Hessian is positive definite"));
                for (List<Object> b : v.because()) {
                    parts.add(": ");
                    parts.addAll(b);
                }
                parts.add(", so it is invertible and the step minimizes the local quadratic model");
                steps.add(Step.explained("curvature", List.of(), parts.toArray()));
            }
        }
        Optional<Expr> e = Exprs.anyNode(replaced, x -> x instanceof Grad) ? Evaluation.explicit(p, target) : Optional.of(replaced);
        if (e.isEmpty()) return Optional.of("the step " + TextPrinter.print(target) + " cannot be computed from the definitions");
        Expr value = inSums(Simplifier.any(e.get(), ctx), ctx);
        steps.add(Step.explained("Newton step", new Relation(RelOp.EQ, target, value, Pos.NONE),
                "put the derivatives into the step and simplify"));
        results.add(new Result(target, value, conditions, Optional.empty()));
        return Optional.empty();
    }
}
