package derivcheck.spec;

import derivcheck.expr.Pos;
import derivcheck.expr.Sym;
import derivcheck.expr.UserFunc;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The names visible while building a spec: declared symbols, functions, bound indices. */
final class Scope {
    private final Map<String, Sym> symbols = new LinkedHashMap<>();
    private final Map<String, Pos> declaredAt = new HashMap<>();
    private final Map<String, UserFunc> functions = new LinkedHashMap<>();
    private final Deque<Sym> indices = new ArrayDeque<>();
    boolean hasObjective;
    /** Matrices declared positive definite (directly or as `diagonal positive definite`): weightings of a norm. */
    private final java.util.Set<String> positiveDefinite = new java.util.HashSet<>();
    /** Definitions (let, defined given) not built yet, by name; built on first use or in file order. */
    private final Map<String, Runnable> deferred = new LinkedHashMap<>();
    private final java.util.Set<String> defining = new java.util.HashSet<>();

    /** Declares a name; fails with the place of the first declaration if it is taken. */
    void declare(Sym sym, Pos pos, int length) {
        Pos first = declaredAt.get(sym.name());
        if (first != null) {
            throw new SpecException(pos, "'" + sym.name() + "' is already declared (line " + first.line() + ")", length);
        }
        symbols.put(sym.name(), sym);
        declaredAt.put(sym.name(), pos);
    }

    void declareFunction(String name, Pos pos, int length) {
        Pos first = declaredAt.get(name);
        if (first != null) {
            throw new SpecException(pos, "'" + name + "' is already declared (line " + first.line() + ")", length);
        }
        functions.put(name, new UserFunc(name, 0));
        declaredAt.put(name, pos);
    }

    /** Replaces a declared symbol (e.g. once a defined given's shape is known). */
    void redefine(Sym sym) { symbols.put(sym.name(), sym); }

    java.util.Set<String> names() { return declaredAt.keySet(); }

    /** Records that a declared matrix is positive definite (read from its `given` line, pass 1). */
    void positiveDefinite(String name) { positiveDefinite.add(name); }

    /** Is this declared matrix known to be positive definite (a weighting ||v||_D may use it)? */
    boolean isPositiveDefinite(String name) { return positiveDefinite.contains(name); }

    boolean isDeclared(String name) { return declaredAt.containsKey(name); }

    Optional<Sym> symbol(String name) {
        for (Sym i : indices) if (i.name().equals(name)) return Optional.of(i);
        return Optional.ofNullable(symbols.get(name));
    }

    Optional<UserFunc> function(String name) { return Optional.ofNullable(functions.get(name)); }

    /** Registers the definition of a declared name, to be built when first needed. */
    void defer(String name, Runnable definition) { deferred.put(name, definition); }

    /** Is this name's definition being built right now (so using it would be circular)? */
    boolean isBeingDefined(String name) { return defining.contains(name); }

    /**
     * Builds the definition of {@code name} now if it is still pending, so a definition may use
     * one written further down. The definition is built outside any index bound at the use.
     */
    void define(String name) {
        Runnable r = deferred.remove(name);
        if (r == null) return;
        Deque<Sym> saved = new ArrayDeque<>(indices);
        indices.clear();
        defining.add(name);
        try {
            r.run();
        } finally {
            defining.remove(name);
            indices.clear();
            indices.addAll(saved);
        }
    }

    /** What is declared now, to be restored with {@link #restore}: a claim read later must not keep its names. */
    Mark mark() {
        return new Mark(new LinkedHashMap<>(symbols), new HashMap<>(declaredAt), new LinkedHashMap<>(functions), new ArrayDeque<>(indices));
    }

    /** Forgets every name declared since {@code m} was taken (e.g. the loss L of a grad(L, x) in an answer). */
    void restore(Mark m) {
        symbols.clear();
        symbols.putAll(m.symbols);
        declaredAt.clear();
        declaredAt.putAll(m.declaredAt);
        functions.clear();
        functions.putAll(m.functions);
        indices.clear();
        indices.addAll(m.indices);
    }

    record Mark(Map<String, Sym> symbols, Map<String, Pos> declaredAt, Map<String, UserFunc> functions, Deque<Sym> indices) {}

    void pushIndex(Sym index) { indices.push(index); }

    void popIndex() { indices.pop(); }

    boolean isIndex(String name) {
        for (Sym i : indices) if (i.name().equals(name)) return true;
        return false;
    }
}
