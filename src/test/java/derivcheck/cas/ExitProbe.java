package derivcheck.cas;

import static derivcheck.cas.Ex.*;

import derivcheck.expr.Expr;
import derivcheck.expr.Sym;

import java.util.stream.Collectors;

/**
 * Run in a child JVM by {@link ExitTest}: uses the CAS the way derivations do (simplify, solve,
 * and polynomial gcd / factor work, where JAS would use its thread pool), never closes it, prints
 * the live non-daemon threads and returns from main.
 */
public final class ExitProbe {
    private ExitProbe() {}

    public static void main(String[] args) {
        Cas cas = new Cas(); // deliberately never closed
        Sym a = x("a"), b = x("b"), c = x("c");
        System.out.println("result " + cas.simplify(add(a, a)).isDone());
        System.out.println("solve " + cas.solve(a, n(1), a, Assumptions.NONE).isDone());
        Expr p = cas.expand(mul(pow(add(a, b, c, n(1)), n(3)), add(a, mul(n(2), b), n(-1)))).orElse(n(0));
        System.out.println("factor " + cas.factor(p).isDone());
        System.out.println("cancel " + cas.cancel(div(p, add(a, b, c, n(1)))).isDone());
        System.out.println("together " + cas.together(add(div(n(1), add(a, b)), div(n(1), sub(a, b)))).isDone());
        String others = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && !t.isDaemon() && t != Thread.currentThread())
                .map(Thread::getName).collect(Collectors.joining(","));
        System.out.println("non-daemon threads [" + others + "]");
        // the wall-clock instant main returns: ExitTest measures the linger from here, not the start-up
        System.out.println("main returns at " + System.currentTimeMillis());
    }
}
