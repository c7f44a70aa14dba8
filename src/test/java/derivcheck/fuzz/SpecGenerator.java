package derivcheck.fuzz;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Well-typed random spec files, written from scratch in the spec language (docs/spec-language.md) by a seeded
 * generator of our own: dimensions (some with a lower bound), given scalars, vectors and matrices (with domains,
 * matrix properties, {@code where} assumptions and {@code latex} names), {@code let} definitions, and one task:
 * an optimization over a vector or a scalar (objectives made of linear, quadratic, norm, entropy and log-barrier
 * terms with the domains their logs need; constraints among balls, boxes, {@code sum(x) = 1}, halfspaces and
 * hyperplanes), a gradient to compute, an equation to {@code solve}, moments of random variables, or a condition on
 * a scalar unknown. Every expression is built with a known shape, so the spec reads without an error; what the
 * engine then makes of it (derived, declined, undecided) is not known in advance, and that is the point.
 * The same seed writes the same text.
 */
final class SpecGenerator {
    /** One generated spec: its name, its text, and the family it comes from (for a failure's message). */
    record Spec(String name, String family, String text) {}

    private final Random r;

    SpecGenerator(long seed) { this.r = new Random(seed); }

    /** The k-th spec of this generator. */
    Spec next(int k) {
        Builder b = new Builder("gen_" + k);
        String family = switch (r.nextInt(10)) {
            case 0, 1, 2, 3 -> vectorOptimization(b);
            case 4 -> scalarOptimization(b);
            case 5, 6 -> gradient(b);
            case 7 -> solve(b);
            case 8 -> moments(b);
            default -> condition(b);
        };
        return new Spec(b.name, family, b.text(r));
    }

    // ---- the families ------------------------------------------------------------------------------------------

    private String vectorOptimization(Builder b) {
        String n = b.dim(r, r.nextInt(3) == 0 ? 2 : 0);
        String x = b.fresh("x", "w", "theta", "d", "u", "v");
        Set<String> needs = new LinkedHashSet<>(); // "positive": the logs need x > 0
        List<String> terms = new ArrayList<>();
        int count = 1 + r.nextInt(3);
        for (int i = 0; i < count; i++) terms.add(vectorTerm(b, n, x, needs, i == 0 && r.nextInt(5) < 3));
        List<String> constraints = new ArrayList<>();
        int kinds = r.nextInt(3);
        boolean simplex = false;
        for (int i = 0; i < kinds; i++) {
            String c = constraint(b, n, x);
            if (c.startsWith("sum(")) simplex = true;
            if (!constraints.contains(c)) constraints.add(c);
        }
        String domain = "";
        if (needs.contains("positive")) {
            switch (r.nextInt(3)) {
                case 0 -> domain = " in (0, inf)";
                case 1 -> constraints.add(x + " > 0");
                default -> { if (!simplex) constraints.add("sum(" + x + ") = 1"); constraints.add(x + " > 0"); }
            }
        } else if (r.nextInt(6) == 0) {
            domain = " in [-1, 1]";
        }
        b.item("find " + x + " : vector[" + n + "]" + domain + b.latex(r, x));
        String objective = String.join(" + ", terms);
        boolean maximize = r.nextInt(5) == 0;
        if (r.nextBoolean() && terms.size() > 1) {
            String name = b.fresh("f", "obj", "J", "D");
            b.item("let " + name + " = " + objective + b.latex(r, name));
            objective = name;
        }
        b.item((maximize ? "maximize -(" + objective + ")" : "minimize " + objective));
        // a 'for all i' binds i in every condition of its item: each such constraint is an item of its own
        List<String> plain = constraints.stream().filter(c -> !c.endsWith(" for all i")).toList();
        if (!plain.isEmpty()) b.item("subject to " + String.join(", ", plain));
        constraints.stream().filter(c -> c.endsWith(" for all i")).forEach(c -> b.item("subject to " + c));
        if (r.nextInt(3) == 0) b.item(maximize ? "find max" : "find min");
        return "vector optimization" + (constraints.isEmpty() ? "" : " with " + constraints.size() + " constraint(s)");
    }

    /** A scalar term of the objective in the vector unknown {@code x} of length {@code n}; a strongly convex one if asked. */
    private String vectorTerm(Builder b, String n, String x, Set<String> needs, boolean stronglyConvex) {
        // the strongly convex terms first (2, 3, 4, 8): a problem that has a minimizer is more often derived
        int kind = stronglyConvex ? new int[] {2, 3, 4, 8}[r.nextInt(4)] : r.nextInt(13);
        return switch (kind) {
            case 0 -> "<" + b.vector(r, n, "g", "c", "q") + ", " + x + ">";
            case 1 -> "<" + b.vector(r, n, "g", "c") + ", " + x + " - " + b.vector(r, n, "x0", "y", "theta_t") + ">";
            case 2 -> b.positive(r) + "/2*||" + x + " - " + b.vector(r, n, "y", "x0", "theta_t") + "||^2";
            case 3 -> "1/(2*" + b.positive(r) + ")*||" + x + " - " + b.vector(r, n, "x0", "y") + "||^2";
            case 4 -> "1/2*" + x + "'*" + b.matrix(r, n, n, "symmetric positive definite", "H", "Q", "P") + "*" + x;
            case 5 -> {
                String m = b.dim(r, 0);
                yield "1/2*||" + b.matrix(r, m, n, "", "A", "X", "B") + "*" + x + " - " + b.vector(r, m, "b", "t") + "||^2";
            }
            case 6 -> b.positive(r) + "*||" + x + "||_1";
            case 7 -> b.positive(r) + "*||" + x + "||";
            case 8 -> b.positive(r) + "/2*||" + x + "||^2";
            case 9 -> { needs.add("positive"); yield "-" + b.positive(r) + "*sum(log(" + x + "))"; }
            case 10 -> {
                needs.add("positive");
                String i = b.index();
                String x0 = b.vectorIn(r, n, "(0, 1)", "x0", "p", "q0");
                yield "1/" + b.positive(r) + "*sum(" + i + " = 1.." + n + ", " + x + "_" + i + "*log(" + x + "_" + i + "/" + x0 + "_" + i + "))";
            }
            case 11 -> r.nextBoolean() ? "logsumexp(" + x + ")" : "sum(exp(" + x + "))";
            default -> "log(1 + ||" + x + "||^2)";
        };
    }

    private String constraint(Builder b, String n, String x) {
        return switch (r.nextInt(8)) {
            case 0 -> "||" + x + "|| <= " + b.positive(r);
            case 1 -> "||" + x + " - " + b.vector(r, n, "c", "x0") + "|| <= " + b.positive(r);
            case 2 -> { String u = b.positive(r); yield "-" + u + " <= " + x + "_i <= " + u + " for all i"; }
            case 3 -> "sum(" + x + ") = 1";
            case 4 -> { String a = b.vector(r, n, "a", "h"); b.item("assume ||" + a + "|| > 0"); yield "<" + a + ", " + x + "> <= " + b.scalar(r, "beta", "b0", "s"); }
            case 5 -> { String a = b.vector(r, n, "a", "h"); b.item("assume ||" + a + "|| > 0"); yield "<" + a + ", " + x + "> = " + b.scalar(r, "beta", "b0", "s"); }
            case 6 -> x + " >= 0";
            default -> "||" + x + "||_1 <= " + b.positive(r);
        };
    }

    private String scalarOptimization(Builder b) {
        String t = b.fresh("t", "alpha", "s", "z");
        boolean positive = false;
        List<String> terms = new ArrayList<>();
        int count = 1 + r.nextInt(3);
        for (int i = 0; i < count; i++) {
            switch (r.nextInt(7)) {
                case 0 -> terms.add(b.scalar(r, "a", "c", "c2") + "*" + t);
                case 1 -> terms.add(b.positive(r) + "/2*" + t + "^2");
                case 2 -> terms.add(b.positive(r) + "/2*(" + t + " - " + b.scalar(r, "y", "m", "c") + ")^2");
                case 3 -> terms.add(b.positive(r) + "*abs(" + t + ")");
                case 4 -> { positive = true; terms.add("-" + b.positive(r) + "*log(" + t + ")"); }
                case 5 -> terms.add("log(1 + exp(" + t + "))");
                default -> terms.add("exp(" + t + ")");
            }
        }
        String domain = positive ? " in (0, inf)" : "";
        b.item("find " + t + " : real" + domain + b.latex(r, t));
        b.item("minimize " + String.join(" + ", terms));
        switch (r.nextInt(4)) {
            case 0 -> b.item("subject to " + t + " >= " + (positive ? b.positive(r) : b.scalar(r, "lo", "m0")));
            case 1 -> { String u = b.positive(r); b.item("subject to " + (positive ? "0" : "-" + u) + " <= " + t + " <= " + u); }
            default -> { }
        }
        if (r.nextBoolean()) b.item("find min");
        return "scalar optimization";
    }

    private String gradient(Builder b) {
        String d = b.dim(r, 0);
        String w = b.fresh("w", "theta", "beta", "v");
        b.item("given " + w + " : vector[" + d + "]" + b.latex(r, w));
        b.declared(w);
        List<String> terms = new ArrayList<>();
        String residual = null;
        if (r.nextBoolean()) {
            String n = b.dim(r, 0);
            String X = b.matrix(r, n, d, n.equals(d) && r.nextInt(3) == 0 ? "full column rank" : "", "X", "A", "M");
            String y = b.vector(r, n, "y", "t", "b");
            residual = b.fresh("r", "res", "e1");
            b.item("let " + residual + " = " + X + "*" + w + " - " + y);
        }
        int count = 1 + r.nextInt(3);
        for (int i = 0; i < count; i++) {
            String on = residual != null && r.nextBoolean() ? residual : w;
            switch (r.nextInt(9)) {
                case 0 -> terms.add("1/2*||" + on + "||^2");
                case 1 -> terms.add("sum(log(cosh(" + on + ")))");
                case 2 -> terms.add("sum(softplus(" + on + "))");
                case 3 -> terms.add(b.positive(r) + "/2*||" + w + "||^2");
                case 4 -> terms.add("logsumexp(" + on + ")");
                case 5 -> { String x = b.vector(r, d, "x", "c"); terms.add("softplus(-<" + x + ", " + w + ">)"); }
                case 6 -> { String c = b.vector(r, d, "c", "g"); terms.add("<" + c + ", " + w + ">^2"); }
                case 7 -> terms.add("sqrt(1 + ||" + on + "||^2)");
                default -> terms.add("sum(sigmoid(" + on + "))");
            }
        }
        String L = b.fresh("L", "loss", "F");
        b.item("let " + L + " = " + String.join(" + ", terms) + b.latex(r, L));
        if (r.nextInt(4) == 0) b.item("find grad(grad(" + L + ", " + w + "), " + w + ")");
        else b.item("find grad(" + L + ", " + w + ")");
        return "gradient";
    }

    private String solve(Builder b) {
        if (r.nextBoolean()) {
            String t = b.fresh("t", "alpha", "sigma");
            b.item("find " + t + " : real");
            String a = b.positive(r), c = b.scalar(r, "c", "c2", "y");
            String eq = switch (r.nextInt(4)) {
                case 0 -> a + "*" + t + " + " + c + " = 0";
                case 1 -> "exp(" + a + "*" + t + ") = " + b.positive(r);
                case 2 -> t + "/" + a + " - " + c + " = " + b.scalar(r, "m", "d0");
                default -> a + "*(" + t + " - " + c + ") = " + b.positive(r) + "*" + t;
            };
            b.item("solve " + eq + " for " + t);
            return "scalar solve";
        }
        String n = b.dim(r, 0);
        String w = b.fresh("w", "x", "z");
        b.item("find " + w + " : vector[" + n + "]");
        String A = b.matrix(r, n, n, r.nextInt(4) == 0 ? "symmetric" : "positive definite", "A", "H", "S");
        String rhs = b.vector(r, n, "b", "y", "c");
        String lam = b.positive(r);
        b.item(r.nextBoolean()
                ? "solve " + A + "*" + w + " + " + lam + "*" + w + " = " + rhs + " for " + w
                : "solve " + w + " = " + w + " - " + b.positive(r) + "*(" + A + "*" + w + " - " + rhs + " + " + lam + "*" + w + ") for " + w);
        return "vector solve";
    }

    private String moments(Builder b) {
        String n = b.dim(r, 0);
        String s = b.positive(r);
        String z = b.fresh("z", "x", "noise");
        switch (r.nextInt(3)) {
            case 0 -> b.item("random " + z + " : vector[" + n + "] iid mean 0 var " + s + "^2");
            case 1 -> b.item("random " + z + " : vector[" + n + "] iid normal(" + b.scalar(r, "mu", "m") + ", " + s + "^2)");
            default -> b.item("random " + z + " : vector[" + n + "] iid bernoulli(" + b.probability(r) + ")");
        }
        b.declared(z);
        String a = b.vector(r, n, "a", "w", "c");
        String y = b.fresh("y", "h", "o");
        String body = switch (r.nextInt(4)) {
            case 0 -> "<" + a + ", " + z + ">";
            case 1 -> "sum(i = 1..n, " + a + "_i*" + z + "_i)".replace("1..n", "1.." + n);
            case 2 -> "<" + a + ", " + z + "> + " + b.scalar(r, "c0", "beta");
            default -> "||" + z + "||^2";
        };
        b.item("let " + y + " = " + body + b.latex(r, y));
        b.item(r.nextBoolean() ? "find E[" + y + "], Var[" + y + "]" : "find E[" + y + "]");
        return "moments";
    }

    private String condition(Builder b) {
        String t = b.fresh("eta", "alpha", "t");
        String a = b.positive(r), c = b.scalar(r, "c", "c2");
        String rel = switch (r.nextInt(4)) {
            case 0 -> "abs(1 - " + t + "*" + a + ") < 1";
            case 1 -> a + "*" + t + " + " + c + " > 0";
            case 2 -> "abs(" + t + " - " + c + ") <= " + a;
            default -> t + "^2 < " + a;
        };
        b.item("find " + t + (r.nextBoolean() ? " > 0" : "") + " such that " + rel);
        return "condition";
    }

    // ---- names and declarations ----------------------------------------------------------------------------------

    /** The declarations a spec needs, made on demand, and the items, in the order they were asked for. */
    private static final class Builder {
        final String name;
        private final Set<String> used = new LinkedHashSet<>();
        private final List<String> dims = new ArrayList<>();
        private final List<String> givens = new ArrayList<>();
        private final List<String> items = new ArrayList<>();
        private final java.util.Map<String, String> kinds = new java.util.HashMap<>();
        private int indexCount;

        Builder(String name) { this.name = name; }

        void item(String s) { items.add(s); }

        void declared(String name) { used.add(name); }

        /** A name of the pool not used yet (the first one with a number when all are). */
        String fresh(String... pool) {
            for (String p : pool) if (used.add(p)) return p;
            for (int k = 1; ; k++) if (used.add(pool[0] + k)) return pool[0] + k;
        }

        String index() {
            String[] is = {"i", "k", "j"};
            return is[indexCount++ % is.length];
        }

        /** A dimension: a new one, or one declared already; {@code atLeast > 0} gives it a lower bound. */
        String dim(Random r, int atLeast) {
            if (!dims.isEmpty() && r.nextInt(3) > 0) return dims.get(r.nextInt(dims.size()));
            String d = fresh("n", "m", "d", "N", "K");
            dims.add(d);
            givens.add("dim " + d + (atLeast > 0 ? " >= " + atLeast : ""));
            return d;
        }

        /** A given vector of length {@code n}: one declared with that length already, or a new one. */
        String vector(Random r, String n, String... pool) { return declare(r, "vector[" + n + "]", "", pool); }

        String vectorIn(Random r, String n, String domain, String... pool) {
            return declare(r, "vector[" + n + "]", " in " + domain, pool);
        }

        String matrix(Random r, String rows, String cols, String properties, String... pool) {
            return declare(r, "matrix[" + rows + ", " + cols + "]" + (properties.isEmpty() ? "" : " " + properties), "", pool);
        }

        /** A given scalar without a sign. */
        String scalar(Random r, String... pool) { return declare(r, "real", "", pool); }

        /** A positive given scalar ({@code where NAME > 0}), or a positive number. */
        String positive(Random r) {
            if (r.nextInt(4) == 0) return List.of("2", "3", "1/2", "0.5", "3/4").get(r.nextInt(5));
            String p = reuse(r, "real positive");
            if (p != null) return p;
            String name = fresh("lambda", "eps", "mu", "rho", "tau", "kappa", "r0");
            kinds.put(name, "real positive");
            givens.add("given " + name + " : real" + latexOf(r, name) + " where " + name + " > 0");
            return name;
        }

        String probability(Random r) {
            if (r.nextBoolean()) return "1/2";
            String name = fresh("p", "q1");
            kinds.put(name, "probability");
            givens.add("given " + name + " : real where 0 < " + name + " < 1");
            return name;
        }

        private String declare(Random r, String shape, String domain, String... pool) {
            String kind = shape + domain;
            String old = reuse(r, kind);
            if (old != null) return old;
            String name = fresh(pool);
            kinds.put(name, kind);
            givens.add("given " + name + " : " + shape + domain + latexOf(r, name));
            return name;
        }

        /** Half the time, a name declared before with the same shape and domain. */
        private String reuse(Random r, String kind) {
            List<String> same = kinds.entrySet().stream().filter(e -> e.getValue().equals(kind)).map(java.util.Map.Entry::getKey).sorted().toList();
            return same.isEmpty() || r.nextBoolean() ? null : same.get(r.nextInt(same.size()));
        }

        String latex(Random r, String name) { return latexOf(r, name); }

        private static String latexOf(Random r, String name) {
            if (r.nextInt(3) > 0) return "";
            String base = name.replaceAll("\\d+$", "");
            String tex = switch (base) {
                case "theta", "lambda", "eps", "mu", "rho", "tau", "kappa", "alpha", "beta", "eta", "sigma" -> "\\" + (base.equals("eps") ? "varepsilon" : base);
                default -> base;
            };
            return "   latex \"" + tex + "\"";
        }

        /**
         * The file: the header, the declarations, then the items. Now and then an item is written over two lines, or
         * the declarations come after the items (every name is known everywhere in a file).
         */
        String text(Random r) {
            StringBuilder s = new StringBuilder("# generated by fuzz/SpecGenerator\nproblem ").append(name).append('\n');
            if (r.nextBoolean()) s.append("  title \"A generated exercise\"\n");
            if (r.nextInt(3) == 0) s.append("  source \"fuzz/SpecGenerator\"\n");
            if (r.nextInt(4) == 0) s.append("  statement \"Generated: solve for $x$ as asked.\"\n");
            s.append('\n');
            List<String> body = new ArrayList<>();
            List<String> decl = new ArrayList<>(givens);
            List<String> rest = new ArrayList<>(items);
            if (r.nextInt(5) == 0) { body.addAll(rest); body.addAll(decl); } else { body.addAll(decl); body.addAll(rest); }
            for (String line : body) {
                int plus = line.indexOf(" + ");
                if (plus > 0 && line.length() > 40 && r.nextInt(4) == 0) {
                    s.append("  ").append(line, 0, plus).append("\n      ").append(line.substring(plus + 1)).append('\n');
                } else {
                    s.append("  ").append(line).append('\n');
                }
                if (r.nextInt(8) == 0) s.append("  # a comment between items\n");
            }
            return s.toString();
        }
    }
}
