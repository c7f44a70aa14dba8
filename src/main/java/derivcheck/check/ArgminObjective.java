package derivcheck.check;

import derivcheck.expr.Expr;
import derivcheck.expr.Exprs;
import derivcheck.expr.Pos;
import derivcheck.expr.Sym;
import derivcheck.expr.SymKind;
import derivcheck.judge.FreeSpace;
import derivcheck.judge.Judge;
import derivcheck.judge.Judgement;
import derivcheck.latex.Answer;
import derivcheck.model.Problem;
import java.util.List;
import java.util.Optional;

/**
 * Is the function J of an answer {@code \arg\min_u J = v} the problem's objective F, as far as its
 * minimizers go? It is when J − F does not depend on u (J = F + c(givens)): then both have the same
 * minimizers and the answer says u* = v. The judge decides J − F at u against J − F at an
 * independent copy u' of u, over its own sampler (u is free there, unlike in the spec's samples,
 * which never draw an unknown). Anything else (a different J, or one the judge cannot decide) is
 * reported, and the checker says `undecided`: a J with other terms may still have the minimizer v
 * (2F has F's), so a difference in J is never a counterexample to the answer.
 */
final class ArgminObjective {
    private ArgminObjective() {}

    /** Empty when J has the problem's minimizers; else why that is not shown, in one sentence. */
    static Optional<String> otherThanTheProblems(Problem problem, Answer a) {
        Expr lhs = a.claim().relations().get(0).lhs();
        if (!(lhs instanceof Sym u) || problem.objective().isEmpty()) {
            return Optional.of("the argmin is not over an unknown of the problem's objective");
        }
        Optional<Expr> j = derivcheck.derive.Lets.fully(problem, a.objective().get());
        Optional<Expr> f = derivcheck.derive.Lets.fully(problem, problem.objective().get().expr());
        if (j.isEmpty() || f.isEmpty()) return Optional.of("the function under argmin uses a definition given entry by entry");
        Expr diff = Exprs.sub(j.get(), f.get());
        Sym copy = new Sym(u.name() + "__copy", u.shape(), SymKind.GIVEN, Pos.NONE);
        Expr moved = Exprs.substitute(diff, u, copy);
        Judgement same = Judge.numericOnly(FreeSpace.over(List.of(diff, moved), problem.assumptions())).equal(moved, diff);
        if (same.equal()) return Optional.empty();
        String why = same.different() ? "it differs from the problem's objective by a term that depends on " + u.name()
                : "it could not be compared with the problem's objective (" + same.reason() + ")";
        return Optional.of("the function under argmin is not shown to have the problem's minimizers: " + why
                + "; the value is not judged against another function's minimizer");
    }
}
