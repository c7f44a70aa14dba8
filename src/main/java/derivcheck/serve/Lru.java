package derivcheck.serve;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** A small least-recently-used map, safe for several threads (one lock; entries are cheap to compute twice). */
final class Lru<K, V> {
    private final Map<K, V> map;

    Lru(int capacity) {
        this.map = new LinkedHashMap<>(16, 0.75f, true) {
            @Override protected boolean removeEldestEntry(Map.Entry<K, V> e) { return size() > capacity; }
        };
    }

    synchronized V get(K k) { return map.get(k); }

    synchronized void put(K k, V v) { map.put(k, v); }

    V computeIfAbsent(K k, Function<K, V> f) {
        V v = get(k);
        if (v != null) return v;
        v = f.apply(k); // outside the lock: a slow computation must not block other clients
        put(k, v);
        return v;
    }

    synchronized int size() { return map.size(); }
}
