package derivcheck.derive;

import derivcheck.cas.Cas;
import derivcheck.model.Problem;
import java.util.ArrayList;
import java.util.List;

/** Tries the strategies (each as its ways, see {@link Strategy#ways}) in order; the first that derives the problem wins. */
public final class Engine {
    private final List<Strategy> strategies;
    private final Cas cas;

    public Engine(Cas cas, List<Strategy> strategies) {
        this.cas = cas;
        this.strategies = List.copyOf(strategies);
    }

    /** The engine with every strategy derivcheck has, most specific first. */
    public static Engine standard(Cas cas) {
        return new Engine(cas, Strategies.all());
    }

    /** The context strategies and expect checks share for this problem. */
    public DeriveContext context(Problem p) { return new DeriveContext(cas, p); }

    /** The reason of a derivation stopped by its deadline: "time limit (time limit of 2 s hit)". */
    public static final String TIME_LIMIT = "time limit";

    /**
     * Tries the strategies in order under the running thread's deadline ({@code Deadline.current()});
     * when it is hit the derivation is {@code undecided} with the time limit as its reason.
     */
    public Derivation derive(Problem p) {
        DeriveContext ctx = context(p);
        List<String> notes = new ArrayList<>();
        List<String> undecided = new ArrayList<>();
        for (Strategy s : strategies) {
            List<Strategy.Way> ways;
            try {
                ways = s.ways(p, ctx);
            } catch (derivcheck.limits.Deadline.Expired e) {
                notes.add(s.name() + ": undecided — " + TIME_LIMIT + " (" + e.getMessage() + ")");
                return new Derivation(Derivation.Status.UNDECIDED, s.name(), List.of(), List.of(), notes);
            } catch (RuntimeException e) {
                if (System.getenv("DERIVCHECK_DEBUG") != null) e.printStackTrace();
                undecided.add(s.name());
                notes.add(s.name() + ": undecided — internal error in this strategy: " + e);
                continue;
            }
            for (Strategy.Way w : ways) {
                Attempt a;
                try {
                    a = w.attempt().get();
                } catch (derivcheck.limits.Deadline.Expired e) {
                    // the derivation's budget is used up: no later strategy could start either
                    notes.add(w.name() + ": undecided — " + TIME_LIMIT + " (" + e.getMessage() + ")");
                    return new Derivation(Derivation.Status.UNDECIDED, w.name(), List.of(), List.of(), notes);
                } catch (RuntimeException e) {
                    if (System.getenv("DERIVCHECK_DEBUG") != null) e.printStackTrace();
                    a = Attempt.undecided("internal error in this strategy: " + e);
                }
                if (a instanceof Attempt.Derived d) {
                    notes.add(w.name() + ": derived");
                    return new Derivation(Derivation.Status.DERIVED, w.name(), d.steps(), d.results(), notes);
                }
                if (a instanceof Attempt.Undecided u) {
                    undecided.add(w.name());
                    notes.add(w.name() + ": undecided — " + u.reason());
                } else {
                    notes.add(w.name() + ": declined — " + ((Attempt.Declined) a).reason());
                }
            }
        }
        Derivation.Status status = undecided.isEmpty() ? Derivation.Status.DECLINED : Derivation.Status.UNDECIDED;
        return new Derivation(status, undecided.isEmpty() ? "" : undecided.get(0), List.of(), List.of(), notes);
    }
}
