package derivcheck.derive.expect;

import derivcheck.derive.Derivation;
import derivcheck.derive.DeriveContext;
import derivcheck.derive.Evaluation;
import derivcheck.derive.Facts;
import derivcheck.derive.Result;
import derivcheck.derive.backprop.UnitVectors;
import derivcheck.derive.identities.GeometricSums;
import derivcheck.derive.identities.IdentityProof;
import derivcheck.expr.Expr;
import derivcheck.expr.Exprs;
import derivcheck.expr.RelOp;
import derivcheck.expr.Relation;
import derivcheck.expr.Sym;
import derivcheck.expr.SymKind;
import derivcheck.model.Claim;
import derivcheck.model.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Compares each `expect` with what was derived: substitute the derived results into
 * lhs − rhs, write out the definitions, and test the difference for zero symbolically.
 * The symbolic side can prove an expect; it never disproves one (that takes a numeric
 * counterexample), so its verdicts are verified or undecided.
 */
public final class ExpectCheck {
    private ExpectCheck() {}

    public enum Verdict {
        VERIFIED, FAILED, UNDECIDED;

        public String word() { return name().toLowerCase(); }
    }

    public record Outcome(Claim claim, Verdict symbolic, String reason) {}

    public static List<Outcome> check(Problem p, Derivation d, DeriveContext ctx) {
        List<Outcome> out = new ArrayList<>();
        for (Claim c : p.expects()) out.add(one(p, d, c, ctx));
        return out;
    }

    /** One expect against the derivation (what {@link #check} does for each); never throws but {@code Deadline.Expired}. */
    public static Outcome one(Problem p, Derivation d, Claim c, DeriveContext ctx) {
        if (d.status() != Derivation.Status.DERIVED) return new Outcome(c, Verdict.UNDECIDED, "nothing was derived to compare with");
        if (c.range().isPresent()) return indexwise(p, d, c, ctx);
        List<Relation> conditions = new ArrayList<>();
        for (Result r : d.results()) conditions.addAll(r.conditions());
        derivcheck.cas.Assumptions more = derivcheck.cas.Assumptions.NONE;
        for (Relation r : conditions) more = Facts.with(more, r);
        ctx = ctx.with(more);
        List<String> proofs = new ArrayList<>();
        for (Relation rel : c.relations()) {
            if (rel.op() != RelOp.EQ) {
                // bounds: the interval they give (with the unknown's own bounds) against the derived one (see BoundCheck)
                Optional<String> why = BoundCheck.check(p, c.relations(), d.results(), ctx);
                return why.isEmpty() ? new Outcome(c, Verdict.VERIFIED, "the interval of the derived condition")
                        : new Outcome(c, Verdict.UNDECIDED, why.get());
            }
            Expr diff = derivcheck.algebra.Canonical.alphaRenamed(substituteResults(Exprs.sub(rel.lhs(), rel.rhs()), d.results()));
            Optional<Expr> explicit = Evaluation.explicit(p, diff);
            if (explicit.isEmpty()) return new Outcome(c, Verdict.UNDECIDED, "it has a gradient that cannot be computed");
            explicit = Optional.of(GeometricSums.closed(explicit.get(), ctx, proofs));
            if (UnitVectors.applies(explicit.get())) explicit = Optional.of(UnitVectors.simplify(p, explicit.get()));
            Optional<String> open = openQuantity(p, explicit.get());
            if (open.isPresent()) return new Outcome(c, Verdict.UNDECIDED, "'" + open.get() + "' was not derived");
            // the judge decides: exact tier (a counterexample ends it), the CAS, the derived equations, region by region
            ZeroProof.Result z = ZeroProof.of(p, explicit.get(), conditions, ctx, true);
            if (z.proved()) {
                if (z.why() == ZeroProof.Why.REGIONS) proofs.add(z.reason());
                continue;
            }
            return new Outcome(c, Verdict.UNDECIDED, switch (z.why()) {
                case EXACT_DIFFERENT -> "the difference from the derived result is not 0 (exact tier: " + z.reason() + ")";
                case REGIONS_NOT_SHOWN -> "region by region: " + z.reason();
                case CAS_NONZERO -> "the difference from the derived result does not simplify to 0";
                default -> "the CAS could not show the difference from the derived result is 0";
            });
        }
        return new Outcome(c, Verdict.VERIFIED, "equal to the derived result"
                + (proofs.isEmpty() ? "" : " (" + String.join("; ", proofs) + ")"));
    }

    /** An expect for every index of a range, compared with entries derived entry by entry (see {@link IndexwiseCheck}). */
    static Outcome indexwise(Problem p, Derivation d, Claim c, DeriveContext ctx) {
        return IndexwiseCheck.check(p, d, c, ctx);
    }

    /**
     * A `show`: the identity itself is tested (definitions written out, assumptions
     * substituted), whatever was derived.
     */
    public static Outcome show(Problem p, Claim c, DeriveContext ctx) {
        // the identity prover (moments, facts about declared functions, signs for inequalities) first
        try {
            IdentityProof.Outcome proof = IdentityProof.prove(p, c, ctx);
            if (proof.proven()) return new Outcome(c, Verdict.VERIFIED, "the two sides are equal");
        } catch (RuntimeException e) {
            // fall through to the plain zero test
        }
        for (Relation rel : c.relations()) {
            if (rel.op() != RelOp.EQ) return new Outcome(c, Verdict.UNDECIDED, "inequalities are compared numerically");
            if (c.range().isPresent()) return new Outcome(c, Verdict.UNDECIDED, "index-wise identities are compared numerically");
            Optional<Expr> explicit = Evaluation.explicit(p, Exprs.sub(rel.lhs(), rel.rhs()));
            if (explicit.isEmpty()) return new Outcome(c, Verdict.UNDECIDED, "it has a gradient that cannot be computed");
            ZeroProof.Result z = ZeroProof.of(p, explicit.get(), List.of(), ctx, false);
            if (z.proved()) continue;
            return new Outcome(c, Verdict.UNDECIDED, z.why() == ZeroProof.Why.REGIONS_NOT_SHOWN ? "region by region: " + z.reason()
                    : "the CAS could not show the two sides are equal");
        }
        return new Outcome(c, Verdict.VERIFIED, "the two sides are equal");
    }

    static Expr substituteResults(Expr e, List<Result> results) {
        Expr out = e;
        for (Result r : results) {
            if (r.range().isPresent() || !r.isEquation()) continue;
            Expr target = r.target();
            Expr value = r.value();
            out = Exprs.transform(out, x -> x.equals(target) ? value : null);
        }
        return out;
    }

    /** A declared unknown (or the optimal value) still in the expression: it was not derived. */
    private static Optional<String> openQuantity(Problem p, Expr e) {
        List<String> found = new ArrayList<>();
        Exprs.anyNode(e, x -> {
            if (x instanceof Sym s && (s.kind() == SymKind.OPTIMUM
                    || s.kind() == SymKind.UNKNOWN && p.unknowns().stream().anyMatch(u -> u.name().equals(s.name())))) {
                found.add(s.name());
                return true;
            }
            return false;
        });
        return found.stream().findFirst();
    }
}
