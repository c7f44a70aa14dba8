package derivcheck.cli;

import derivcheck.cas.Cas;
import derivcheck.check.AnswerReport;
import derivcheck.latex.Answer;
import derivcheck.limits.Deadline;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import picocli.CommandLine;

/**
 * The wall-clock budgets of the commands: {@code --time-limit SECONDS} is the budget of one item
 * as a whole (one problem for derive and verify, one answer for check): reading, symbolic,
 * numeric and re-solve work together. Each computer-algebra call inside it gets at most
 * {@link Cas#DEFAULT_TIME_LIMIT}, and never more than the item has left (docs/limits.md).
 */
final class Budgets {
    private Budgets() {}

    /** The budget of one item, or a usage error for a bad value. */
    static Duration item(double seconds, Object command) {
        if (!(seconds > 0) || seconds > 86_400) {
            throw new CommandLine.ParameterException(new CommandLine(command), "--time-limit must be between 0 and 86400 seconds");
        }
        return Duration.ofNanos((long) (seconds * 1e9));
    }

    /** The limit of one CAS call inside an item's budget. */
    static Duration perCall(Duration item) {
        return item.compareTo(Cas.DEFAULT_TIME_LIMIT) < 0 ? item : Cas.DEFAULT_TIME_LIMIT;
    }

    /** Runs work in a fresh budget; a hit limit ends it quietly (what was reached stays undecided). */
    static void within(Duration budget, Runnable work) {
        try (Deadline.Scope scope = Deadline.within(budget).enter()) {
            work.run();
        } catch (Deadline.Expired e) {
            // the parts past the limit say so themselves
        }
    }

    /** Runs work in a fresh budget; when the limit is hit, the fallback's value instead. */
    static <T> T within(Duration budget, Supplier<T> work, Function<Deadline.Expired, T> onLimit) {
        try (Deadline.Scope scope = Deadline.within(budget).enter()) {
            return work.get();
        } catch (Deadline.Expired e) {
            return onLimit.apply(e);
        }
    }

    /** The report of an answer whose budget ran out before a verdict. */
    static AnswerReport timeLimited(Answer a, Deadline.Expired e) {
        return new AnswerReport(a, derivcheck.expr.TextPrinter.print(a.claim().relations().get(0).lhs()), AnswerReport.Word.UNDECIDED,
                "undecided: " + e.getMessage(), Optional.empty(), Optional.of("the time limit was hit: " + e.getMessage()), List.of());
    }

    /** "undecided (time limit of 5 s hit)" */
    static String timeLimitHit(Deadline.Expired e) {
        return "undecided (" + e.getMessage() + ")";
    }
}
