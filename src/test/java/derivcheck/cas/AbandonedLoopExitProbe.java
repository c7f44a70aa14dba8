package derivcheck.cas;

import derivcheck.limits.Watchdog;
import java.time.Duration;

/**
 * Run in a child JVM by {@link AbandonedLoopExitTest}: gives up on two loops that ignore interruption, one
 * under the {@link Watchdog} (the numeric re-solve's guard; this loop even survives {@code Thread.stop}) and one
 * inside a CAS call (abandoned by the CAS's runner), then prints how many of those threads are still running
 * and the JVM's uptime, and returns from main. Neither loop ever ends by itself.
 */
public final class AbandonedLoopExitProbe {
    private AbandonedLoopExitProbe() {}

    static volatile double sink;

    public static void main(String[] args) throws Exception {
        try {
            Watchdog.run("a loop that ignores interruption", Duration.ofMillis(200), beat -> {
                double x = 0;
                while (true) {
                    try {
                        while (true) x = Math.sin(x) + 1; // never beats, never checks a deadline or the interrupt flag
                    } catch (Throwable stopped) {
                        sink = x; // Thread.stop's ThreadDeath is swallowed: the loop goes on
                    }
                }
            });
            System.out.println("watchdog returned");
        } catch (Watchdog.Stalled e) {
            System.out.println("watchdog gave up: " + e.getMessage());
        }
        try (Cas cas = new Cas(Duration.ofMillis(200))) {
            Outcome<Integer> o = cas.call("busy loop", engine -> {
                long spins = 0;
                while (true) spins++; // ignores interrupts and Symja's stop requests
            });
            System.out.println("cas call done: " + o.isDone());
        }
        Thread.sleep(1500); // past the reaper's attempt to stop the first loop (Watchdog.GRACE = 500 ms after giving up)
        long alive = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && (t.getName().startsWith("derivcheck-watched-") || t.getName().startsWith("derivcheck-cas-")))
                .filter(t -> t.getState() == Thread.State.RUNNABLE).count();
        System.out.println("abandoned loops still running " + alive);
        System.out.println("main returns at uptime " + java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() + " ms");
    }
}
