package derivcheck.serve;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per client: {@code perMinute} requests a minute on average, bursts of up to
 * {@code burst}. Clients are told apart by their address (behind a reverse proxy every student
 * shares the proxy's address: give the proxy its own limit, or raise this one). Buckets of
 * clients idle for ten minutes are dropped, so the map stays small.
 */
final class RateLimiter {
    private static final long IDLE_NANOS = 600_000_000_000L;

    private final double perNano;
    private final double burst;
    private final LongSupplier clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private long lastSweep;

    private static final class Bucket {
        double tokens;
        long last;

        Bucket(double tokens, long last) {
            this.tokens = tokens;
            this.last = last;
        }
    }

    RateLimiter(int perMinute, int burst) { this(perMinute, burst, System::nanoTime); }

    RateLimiter(int perMinute, int burst, LongSupplier clock) {
        if (perMinute <= 0 || burst <= 0) throw new IllegalArgumentException("rate limits must be positive");
        this.perNano = perMinute / 60e9;
        this.burst = burst;
        this.clock = clock;
        this.lastSweep = clock.getAsLong();
    }

    /** Takes one token for {@code client}: 0 when allowed, else the seconds to wait before the next try. */
    long acquire(String client) {
        long now = clock.getAsLong();
        sweep(now);
        Bucket b = buckets.computeIfAbsent(client, c -> new Bucket(burst, now));
        synchronized (b) {
            b.tokens = Math.min(burst, b.tokens + (now - b.last) * perNano);
            b.last = now;
            if (b.tokens >= 1) {
                b.tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - b.tokens) / perNano / 1e9));
        }
    }

    private void sweep(long now) {
        if (now - lastSweep < IDLE_NANOS) return;
        lastSweep = now;
        for (Iterator<Bucket> it = buckets.values().iterator(); it.hasNext(); ) {
            Bucket b = it.next();
            synchronized (b) {
                if (now - b.last > IDLE_NANOS) it.remove();
            }
        }
    }
}
