package derivcheck.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
    @Test
    void aBurstIsAllowedThenTheRateAndClientsAreSeparate() {
        AtomicLong now = new AtomicLong(0);
        RateLimiter r = new RateLimiter(60, 3, now::get);
        for (int i = 0; i < 3; i++) assertEquals(0, r.acquire("a"));
        long wait = r.acquire("a");
        assertTrue(wait >= 1, "the fourth request within a second must wait");
        assertEquals(0, r.acquire("b"), "another client has its own bucket");
        now.addAndGet(1_000_000_000L); // one second: one token at 60 a minute
        assertEquals(0, r.acquire("a"));
        assertTrue(r.acquire("a") > 0);
    }
}
