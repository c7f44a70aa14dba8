package derivcheck.derive;

import derivcheck.cas.Assumptions;
import derivcheck.cas.Cas;
import derivcheck.cas.Outcome;
import derivcheck.expr.Expr;
import derivcheck.model.Problem;

/** What strategies share while deriving one problem: the CAS and the problem's facts. */
public final class DeriveContext {
    private final Cas cas;
    private Assumptions assumptions;
    /** The problem being derived (its declared matrix properties); null for a context built from facts alone. */
    private Problem problem;

    public DeriveContext(Cas cas, Problem problem) {
        this.cas = cas;
        this.assumptions = Facts.of(problem);
        this.problem = problem;
    }

    public Cas cas() { return cas; }

    /** The problem being derived, or null for a context built from facts alone. */
    public Problem problem() { return problem; }

    public Assumptions assumptions() { return assumptions; }

    /** A context with more facts (e.g. about a multiplier or a scalarized coordinate). */
    public DeriveContext with(Assumptions more) {
        DeriveContext c = new DeriveContext(cas, assumptions);
        c.assumptions = assumptions.and(more);
        c.problem = problem;
        return c;
    }

    private DeriveContext(Cas cas, Assumptions a) {
        this.cas = cas;
        this.assumptions = a;
    }

    /** Uses the declared matrix properties: Hᵀ → H for a symmetric H (see {@link Problem#withSymmetry}). */
    public Expr withMatrixFacts(Expr e) { return problem == null ? e : problem.withSymmetry(e); }

    /** Simplifies a scalar under the facts; when the CAS cannot, the expression as it was. */
    public Expr simplify(Expr e) {
        if (!e.isScalar()) return e;
        Outcome<Expr> o = cas.simplify(e, assumptions);
        return o.orElse(e);
    }
}
