package derivcheck.derive.expect;

import derivcheck.cas.Sign;
import derivcheck.cas.ZeroTest;
import derivcheck.derive.DeriveContext;
import derivcheck.derive.Simplifier;
import derivcheck.derive.piecewise.PiecewiseRegions;
import derivcheck.expr.Expr;
import derivcheck.expr.Exprs;
import derivcheck.expr.RelOp;
import derivcheck.expr.Relation;
import derivcheck.judge.Judge;
import derivcheck.judge.Judgement;
import derivcheck.judge.Prover;
import derivcheck.judge.SignProof;
import derivcheck.judge.SignProver;
import derivcheck.model.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * derive's one question to the judge: is this difference 0 under the problem's assumptions and the
 * derived conditions? derive supplies its proving tiers and {@link Judge#proveZero} combines them
 * (exact tier first): the CAS zero test ({@link ZeroCheck}), zero as a multiple of a derived
 * equation, and region by region for piecewise differences ({@link PiecewiseRegions}). Every
 * expect, index-wise expect, bound and show of derive asks here, and check's symbolic tier asks
 * through them.
 */
public final class ZeroProof {
    private ZeroProof() {}

    /** Which tier the verdict rests on (for the callers' wording). */
    enum Why { EXACT, CAS, EQUATION, REGIONS, EXACT_DIFFERENT, CAS_NONZERO, CAS_UNKNOWN, REGIONS_NOT_SHOWN }

    record Result(Judgement judgement, Why why) {
        boolean proved() { return judgement.kind() == Judgement.Kind.PROVED_EQUAL; }
        String reason() { return judgement.reason(); }
    }

    /** Region by region ({@link PiecewiseRegions}) as a proving tier: applies to differences with piecewise nodes. */
    public static Prover regions(List<Relation> facts, DeriveContext ctx) {
        return d -> {
            if (!PiecewiseRegions.applies(d)) return Prover.Attempt.NOT_APPLICABLE;
            PiecewiseRegions.Outcome regions = PiecewiseRegions.zero(d, facts, ctx);
            return regions.proved() ? Prover.Attempt.proved(regions.reason()) : Prover.Attempt.notShown(regions.reason());
        };
    }

    /**
     * check's proving tier before its samples: the difference of an answer and its reference, written
     * out (definitions, gradients), region by region under the problem's assumptions.
     */
    public static Prover regionsOfAnswers(Problem p, DeriveContext ctx) {
        Prover regions = regions(p.assumptions(), ctx);
        return d -> {
            if (!PiecewiseRegions.applies(d) && !Exprs.anyNode(d, x -> x instanceof derivcheck.expr.Sym s
                    && s.kind() == derivcheck.expr.SymKind.LET)) return Prover.Attempt.NOT_APPLICABLE;
            Optional<Expr> explicit = derivcheck.derive.Evaluation.explicit(p, d);
            return explicit.isEmpty() ? Prover.Attempt.NOT_APPLICABLE : regions.attempt(explicit.get());
        };
    }

    /**
     * derive's one sign question (a show's inequality, the ends of an expected interval): the sign of
     * {@code difference} under the problem's assumptions as {@link Judge#proveSign} proves it, with
     * the caller's sign tiers (each a CAS sign after the caller's rewriting, {@link #casSign}).
     */
    public static SignProof sign(Problem p, Expr difference, List<SignProver> provers) {
        return Judge.over(difference, p.assumptions()).proveSign(difference, provers);
    }

    /** A sign decided by derive (the CAS, or the structure then the CAS) as a sign tier of the judge. */
    public static SignProver casSign(Function<Expr, Sign> decide, String how) {
        return d -> {
            Sign s = decide.apply(d);
            return switch (s) {
                case POSITIVE -> SignProver.Found.proved(RelOp.GT, how);
                case NEGATIVE -> SignProver.Found.proved(RelOp.LT, how);
                case ZERO -> SignProver.Found.proved(RelOp.EQ, how);
                case NONNEGATIVE -> SignProver.Found.proved(RelOp.GE, how);
                case NONPOSITIVE -> SignProver.Found.proved(RelOp.LE, how);
                case UNKNOWN -> SignProver.Found.notShown(how + ": no sign proven");
            };
        };
    }

    /** The judge's proved relation back as a {@link Sign} (UNKNOWN when none was proved). */
    public static Sign asSign(SignProof proof) {
        if (proof.relation().isEmpty()) return Sign.UNKNOWN;
        return switch (proof.relation().get()) {
            case GT -> Sign.POSITIVE;
            case LT -> Sign.NEGATIVE;
            case EQ -> Sign.ZERO;
            case GE -> Sign.NONNEGATIVE;
            case LE -> Sign.NONPOSITIVE;
            case NE -> Sign.UNKNOWN;
        };
    }

    /**
     * @param conditions   the derived conditions (assumptions of the exact tier and of the regions; their
     *                     equations also prove a difference that is a multiple of one of them)
     * @param exactRefutes an exact counterexample ends the question (an expect over the spec's domain);
     *                     otherwise the provers still run
     */
    static Result of(Problem p, Expr difference, List<Relation> conditions, DeriveContext ctx, boolean exactRefutes) {
        Why[] why = {Why.CAS_UNKNOWN};
        List<Relation> facts = new ArrayList<>(p.assumptions());
        facts.addAll(conditions);
        List<Prover> provers = List.of(
                d -> {
                    ZeroTest z = ZeroCheck.test(d, ctx);
                    why[0] = z == ZeroTest.ZERO ? Why.CAS : z == ZeroTest.NONZERO ? Why.CAS_NONZERO : Why.CAS_UNKNOWN;
                    return z == ZeroTest.ZERO ? Prover.Attempt.proved("the CAS simplifies it to 0")
                            : Prover.Attempt.notShown(z == ZeroTest.NONZERO ? "it does not simplify to 0" : "the CAS could not show it is 0");
                },
                d -> {
                    List<Relation> equations = conditions.stream().filter(r -> r.op() == RelOp.EQ).toList();
                    if (equations.isEmpty() || !ZeroCheck.zeroGiven(Simplifier.scalarOrSelf(d, ctx), equations, ctx)) return Prover.Attempt.NOT_APPLICABLE;
                    why[0] = Why.EQUATION;
                    return Prover.Attempt.proved("a multiple of a derived equation");
                },
                d -> {
                    Prover.Attempt a = regions(facts, ctx).attempt(d);
                    if (a.found() != Prover.Found.NOT_APPLICABLE) why[0] = a.proved() ? Why.REGIONS : Why.REGIONS_NOT_SHOWN;
                    return a;
                });
        Judgement j = Judge.over(difference, facts).proveZero(difference, provers, exactRefutes);
        if (j.kind() == Judgement.Kind.PROVED_EQUAL && j.tier() == Judgement.Tier.EXACT) return new Result(j, Why.EXACT);
        if (j.different()) return new Result(j, Why.EXACT_DIFFERENT);
        return new Result(j, why[0]);
    }
}
