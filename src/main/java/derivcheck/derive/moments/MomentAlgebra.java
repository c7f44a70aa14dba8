package derivcheck.derive.moments;

import derivcheck.derive.DeriveContext;
import derivcheck.derive.Lets;
import derivcheck.expr.Add;
import derivcheck.expr.Apply;
import derivcheck.expr.Builtin;
import derivcheck.expr.Expectation;
import derivcheck.expr.Expr;
import derivcheck.expr.Exprs;
import derivcheck.expr.Index;
import derivcheck.expr.Inner;
import derivcheck.expr.Mul;
import derivcheck.expr.Num;
import derivcheck.expr.Pos;
import derivcheck.expr.Pow;
import derivcheck.expr.Rational;
import derivcheck.expr.RelOp;
import derivcheck.expr.Relation;
import derivcheck.expr.Shape;
import derivcheck.expr.Sum;
import derivcheck.expr.Sym;
import derivcheck.expr.SymKind;
import derivcheck.expr.TextPrinter;
import derivcheck.expr.Variance;
import derivcheck.model.Distribution;
import derivcheck.model.Problem;
import derivcheck.model.RandomDecl;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Expectations and variances by linearity, independence and known moments.
 *
 * <p>A <em>random unit</em> is a random scalar (a random symbol, an entry x_i of a random vector),
 * a sum over an index whose body is random, or, in the abstract mode used for identities, a
 * random quantity defined by `let` (kept as a name). Every random declaration is independent of
 * every other one; the entries of an `iid` vector are independent of each other. Two units are
 * independent when the random variables they read cannot coincide (different symbols, or entries
 * with different numeric indices of an iid vector); entries x_i and x_j with symbolic i, j may be
 * the same variable, so they are never taken as independent.
 *
 * <p>Rules: E is linear and passes into finite sums; E of a product of independent factors is
 * the product of the E's; E[Z^2] = Var[Z] + E[Z]^2 for a compound Z; Var drops constants and
 * pulls out c^2; the variance of a sum of independent terms (the iterations of a sum over an iid
 * index, or terms on disjoint random symbols) is the sum of the variances; for independent X, Y,
 * Var[XY] = E[X^2]E[Y^2] - E[X]^2 E[Y]^2 (which is Var[X]Var[Y] only when the means vanish).
 *
 * <p>{@link #mean}, {@link #variance} give the form after these rules, with leaves E[X^k] and
 * Var[X] of single random scalars (and E[y], Var[y] of let-defined y in the abstract mode);
 * {@link #moments} evaluates the leaves from the distributions; {@link SumForms} collapses sums.
 */
public final class MomentAlgebra {
    /** The rules do not reach: why, for people. */
    public static final class Stuck extends RuntimeException {
        Stuck(String why) { super(why, null, false, false); }
    }

    private final Problem problem;
    private final DeriveContext ctx;
    private final boolean keepLets;
    private final Map<String, RandomDecl> randoms = new LinkedHashMap<>();
    private final Map<String, Expr> letBodies = new LinkedHashMap<>();

    /**
     * @param keepLets the abstract mode: random `let` names stay units (for identities that hold
     *                 for any random quantity, like E[(y - t)^2] = Var[y] + (E[y] - t)^2)
     */
    public MomentAlgebra(Problem problem, DeriveContext ctx, boolean keepLets) {
        this.problem = problem;
        this.ctx = ctx;
        this.keepLets = keepLets;
        for (RandomDecl r : problem.randoms()) randoms.put(r.sym().name(), r);
    }

    // ------------------------------------------------------------------ what is random

    /** The random symbols an expression reads (through let names in the abstract mode). */
    Set<Key> keys(Expr e) {
        Set<Key> out = new LinkedHashSet<>();
        collect(e, out);
        return out;
    }

    /** A random symbol, or one entry of an iid random vector at a numeric index. */
    record Key(String name, Optional<Rational> entry) {
        boolean overlaps(Key o) {
            return name.equals(o.name) && (entry.isEmpty() || o.entry.isEmpty() || entry.equals(o.entry));
        }
    }

    private void collect(Expr e, Set<Key> out) {
        if (e instanceof Sym s && randoms.containsKey(s.name()) && s.kind() == SymKind.RANDOM) {
            out.add(new Key(s.name(), Optional.empty()));
            return;
        }
        if (e instanceof Index i && i.base() instanceof Sym s && randoms.containsKey(s.name()) && s.kind() == SymKind.RANDOM) {
            boolean iid = randoms.get(s.name()).distribution().iid();
            Optional<Rational> at = iid && i.indices().size() == 1 && i.indices().get(0) instanceof Num n
                    ? Optional.of(n.value()) : Optional.empty();
            out.add(new Key(s.name(), at));
            for (Expr k : i.indices()) collect(k, out);
            return;
        }
        if (keepLets && e instanceof Sym s && s.kind() == SymKind.LET) {
            collect(letBody(s), out);
            return;
        }
        for (Expr c : e.children()) collect(c, out);
    }

    private Expr letBody(Sym s) {
        return letBodies.computeIfAbsent(s.name(), n -> Lets.inline(problem, s));
    }

    public boolean random(Expr e) { return !keys(e).isEmpty(); }

    private static boolean independent(Set<Key> a, Set<Key> b) {
        for (Key x : a) for (Key y : b) if (x.overlaps(y)) return false;
        return true;
    }

    /** A random scalar read directly: a random symbol or an entry of a random vector or matrix. */
    boolean isAtom(Expr e) {
        if (e instanceof Sym s) return s.kind() == SymKind.RANDOM && randoms.containsKey(s.name()) && s.isScalar();
        return e instanceof Index i && i.isScalar() && i.base() instanceof Sym s && s.kind() == SymKind.RANDOM
                && randoms.containsKey(s.name()) && i.indices().stream().noneMatch(this::random);
    }

    private boolean isLetUnit(Expr e) { return keepLets && e instanceof Sym s && s.kind() == SymKind.LET && random(e); }

    /** A unit that is not a single random scalar: a random sum or a let-defined random quantity. */
    private boolean compound(Expr e) {
        return e instanceof Sum || isLetUnit(e) || Exprs.anyNode(e, x -> x instanceof Sum && random(x) || isLetUnit(x));
    }

    // ------------------------------------------------------------------ E

    /** E[e] after linearity and independence; leaves are E[X^k], Var[X] of units. */
    public Expr mean(Expr e) {
        enter("E", e);
        if (depth == 1) rootNames = Exprs.names(e);
        try {
            return meanOnce(e);
        } finally {
            depth--;
        }
    }

    /** How deep the rules of E and Var call each other; bounded, so a cycle declines instead of overflowing. */
    private int depth;
    static final int MAX_DEPTH = 200;

    private void enter(String what, Expr e) {
        if (++depth > MAX_DEPTH) {
            depth--;
            throw new Stuck(what + "[" + TextPrinter.print(e) + "]: the rules of linearity, independence and"
                    + " E[Z^2] = Var[Z] + E[Z]^2 go round in a circle here (the moments of a quadratic form x'Mx + b'x + c"
                    + " are derived for x declared iid normal(0, v), by Isserlis, and its mean for iid mean 0;"
                    + " this is not of that form)");
        }
    }

    private Expr meanOnce(Expr e) {
        if (!e.isScalar()) throw new Stuck("only scalar expectations are derived, not of " + TextPrinter.print(e));
        if (!random(e)) return e;
        if (e instanceof Add a) {
            List<Expr> out = new ArrayList<>();
            for (Expr t : a.terms()) out.add(mean(t));
            return Exprs.add(out, Pos.NONE);
        }
        if (e instanceof Sum s) return new Sum(s.index(), s.lo(), s.hi(), mean(s.body()), s.pos());
        if (e instanceof Inner in) return mean(writtenOut(in));
        if (isAtom(e) || isLetUnit(e)) return new Expectation(e, Pos.NONE);
        List<Expr> constant = new ArrayList<>();
        List<List<Expr>> groups = groups(factors(e), constant);
        List<Expr> out = new ArrayList<>(constant);
        for (List<Expr> g : groups) out.add(meanOfGroup(g));
        return Exprs.mul(out, Pos.NONE);
    }

    /** E of factors that depend on each other (one group). */
    private Expr meanOfGroup(List<Expr> g) {
        if (g.size() == 1) {
            Expr f = g.get(0);
            if (f instanceof Pow p && p.exponent() instanceof Num k && k.value().isInteger() && k.value().signum() > 0) {
                Expr base = p.base();
                if (isAtom(base)) return new Expectation(f, Pos.NONE);
                if (!compound(base)) return mean(expand(f));
                if (k.value().equals(Rational.of(2))) {
                    // E[Z^2] = Var[Z] + E[Z]^2
                    return Exprs.add(variance(base), Exprs.sq(mean(base)));
                }
                throw new Stuck("E[" + TextPrinter.print(f) + "]: moments above the second of a compound quantity are not derived");
            }
            if (f instanceof Add || f instanceof Sum || f instanceof Inner || isAtom(f) || isLetUnit(f)) return mean(f);
            if (f instanceof Apply ap && ap.args().size() == 1 && isAtom(ap.args().get(0))) {
                throw new Stuck("E[" + TextPrinter.print(f) + "]: not a moment of the declared distribution (only the"
                        + " expectations of powers E[X^k] are known from the declarations)");
            }
            throw new Stuck("E[" + TextPrinter.print(f) + "]: the rules of linearity and independence do not reach it");
        }
        if (g.stream().anyMatch(this::compound)) {
            throw new Stuck("E[" + TextPrinter.print(Exprs.mul(g, Pos.NONE)) + "]: its factors share random variables");
        }
        Expr expanded = expand(Exprs.mul(g, Pos.NONE));
        if (expanded instanceof Add) return mean(expanded);
        List<Expr> fs = factors(expanded);
        if (fs.size() == 1) return mean(fs.get(0));
        throw new Stuck("E[" + TextPrinter.print(expanded) + "]: its factors may be the same random variable"
                + " (entries with symbolic indices), so independence cannot be used");
    }

    /** Whether {@link #mean} wrote an inner product out as a sum of its entries (for the step's words). */
    boolean wroteInner() { return wroteInner; }

    private boolean wroteInner;

    /** The names of the outermost expression E or Var was asked of (an index written in avoids its sums' indices). */
    private Set<String> rootNames = Set.of();

    /**
     * An inner product {@code <a, z>} of a declared non-random vector a and a random vector z (a
     * declared one, or an entrywise function of one) as the sum of a_i*z_i over its entries, so
     * that linearity gives E[<a, z>] = sum(i, a_i*E[z_i]) (no independence is needed); otherwise
     * stuck with the reason.
     */
    private Expr writtenOut(Inner in) {
        Expr l = in.left(), r = in.right();
        boolean lr = random(l), rr = random(r);
        Expr fixed = lr ? r : l, rand = lr ? l : r;
        String why = "E[" + TextPrinter.print(in) + "]: the expectation of an inner product is taken by linearity only"
                + " when one side is a declared non-random vector and the other a declared random vector (or an entrywise"
                + " function of one), so that E[<a, z>] = sum(i, a_i*E[z_i])";
        if (lr == rr || !l.shape().isVector() || !(fixed instanceof Sym)) throw new Stuck(why);
        Set<String> avoid = new LinkedHashSet<>(Exprs.names(in));
        avoid.addAll(rootNames);
        avoid.addAll(problem.symbols().map(Sym::name).toList());
        Sym i = avoid.contains("i") ? Exprs.freshIndex(new Sym("i", Shape.SCALAR, SymKind.INDEX, Pos.NONE), avoid)
                : new Sym("i", Shape.SCALAR, SymKind.INDEX, Pos.NONE);
        Optional<Expr> zi = entry(rand, i);
        if (zi.isEmpty()) throw new Stuck(why);
        wroteInner = true;
        Expr body = Exprs.mul(new Index(fixed, List.of(i), Pos.NONE), zi.get());
        return new Sum(i, Num.ONE, Exprs.size(l.shape().rows()), body, Pos.NONE);
    }

    /** Entry i of a random vector symbol or of an entrywise function of one. */
    private Optional<Expr> entry(Expr v, Sym i) {
        if (v instanceof Sym s && s.kind() == SymKind.RANDOM && randoms.containsKey(s.name())) {
            return Optional.of(new Index(v, List.of(i), Pos.NONE));
        }
        if (v instanceof Apply ap && ap.fn() instanceof Builtin b && b.entrywise() && ap.args().size() == 1) {
            return entry(ap.args().get(0), i).map(x -> (Expr) Apply.of(b, x));
        }
        return Optional.empty();
    }

    // ------------------------------------------------------------------ Var

    /** Var[e] after the variance rules; leaves as in {@link #mean}. */
    public Expr variance(Expr e) {
        enter("Var", e);
        if (depth == 1) rootNames = Exprs.names(e);
        try {
            return varianceOnce(e);
        } finally {
            depth--;
        }
    }

    private Expr varianceOnce(Expr e) {
        if (!e.isScalar()) throw new Stuck("only scalar variances are derived, not of " + TextPrinter.print(e));
        if (!random(e)) return Num.ZERO;
        if (isAtom(e) || isLetUnit(e)) return new Variance(e, Pos.NONE);
        if (e instanceof Sum s) {
            String why = iterationsDependent(s);
            if (why != null) throw new Stuck("Var[" + TextPrinter.print(s) + "]: " + why);
            return new Sum(s.index(), s.lo(), s.hi(), variance(s.body()), s.pos());
        }
        if (e instanceof Add a) {
            List<Expr> terms = new ArrayList<>();
            for (Expr t : a.terms()) if (random(t)) terms.add(t);
            for (int i = 0; i < terms.size(); i++) {
                for (int j = i + 1; j < terms.size(); j++) {
                    if (!independent(keys(terms.get(i)), keys(terms.get(j)))) return varianceByMoments(e);
                }
            }
            List<Expr> out = new ArrayList<>();
            for (Expr t : terms) out.add(variance(t));
            return Exprs.add(out, Pos.NONE);
        }
        List<Expr> constant = new ArrayList<>();
        List<List<Expr>> groups = groups(factors(e), constant);
        Expr c2 = constant.isEmpty() ? Num.ONE : Exprs.sq(Exprs.mul(constant, Pos.NONE));
        if (groups.size() == 1) {
            List<Expr> g = groups.get(0);
            if (g.size() == 1 && !(g.get(0) instanceof Pow)) return Exprs.mul(c2, variance(g.get(0)));
            Expr f = Exprs.mul(g, Pos.NONE);
            if (compound(f)) throw new Stuck("Var[" + TextPrinter.print(f) + "]: the variance of a power of a compound quantity is not derived");
            return Exprs.mul(c2, varianceByMoments(f));
        }
        // independent factors: Var[XY] = E[X^2]E[Y^2] - E[X]^2 E[Y]^2
        List<Expr> squares = new ArrayList<>();
        List<Expr> means = new ArrayList<>();
        for (List<Expr> g : groups) {
            List<Expr> sq = new ArrayList<>();
            for (Expr f : g) sq.add(square(f));
            squares.add(meanOfGroup(sq));
            means.add(Exprs.sq(meanOfGroup(g)));
        }
        return Exprs.mul(c2, Exprs.sub(Exprs.mul(squares, Pos.NONE), Exprs.mul(means, Pos.NONE)));
    }

    /** Var = E[e^2] - E[e]^2, for an expression without compound units. */
    private Expr varianceByMoments(Expr e) {
        if (compound(e)) {
            throw new Stuck("Var[" + TextPrinter.print(e) + "]: its terms share random variables (their covariance is not derived)");
        }
        return Exprs.sub(mean(expand(Exprs.sq(e))), Exprs.sq(mean(e)));
    }

    /** Why the iterations of a sum are not independent, or null when they are. */
    private String iterationsDependent(Sum s) {
        String[] why = {null};
        Exprs.anyNode(s.body(), x -> {
            if (why[0] != null) return true;
            if (isLetUnit(x)) why[0] = "every term reads " + TextPrinter.print(x);
            else if (x instanceof Sym y && y.kind() == SymKind.RANDOM) {
                why[0] = "every term reads the same " + y.name();
            } else if (x instanceof Index i && i.base() instanceof Sym y && y.kind() == SymKind.RANDOM && randoms.containsKey(y.name())) {
                if (!randoms.get(y.name()).distribution().iid()) why[0] = "the entries of " + y.name() + " are not declared iid";
                else if (i.indices().size() != 1 || !i.indices().get(0).equals(s.index())) {
                    why[0] = "the terms read " + TextPrinter.print(i) + ", not only entries at the summation index " + s.index().name();
                }
                return true;
            }
            return why[0] != null;
        });
        return why[0];
    }

    private static Expr square(Expr f) {
        if (f instanceof Pow p && p.exponent() instanceof Num k) return Exprs.pow(p.base(), Exprs.num(k.value().times(Rational.of(2))));
        return Exprs.sq(f);
    }

    // ------------------------------------------------------------------ products

    private static List<Expr> factors(Expr e) {
        if (e instanceof Mul m) return m.factors();
        return List.of(e);
    }

    /** Splits factors into the non-random ones and groups of mutually dependent random ones. */
    private List<List<Expr>> groups(List<Expr> fs, List<Expr> constant) {
        List<List<Expr>> groups = new ArrayList<>();
        List<Set<Key>> keys = new ArrayList<>();
        for (Expr f : fs) {
            Set<Key> k = keys(f);
            if (k.isEmpty()) {
                constant.add(f);
                continue;
            }
            List<Expr> merged = new ArrayList<>(List.of(f));
            Set<Key> mk = new LinkedHashSet<>(k);
            for (int i = groups.size() - 1; i >= 0; i--) {
                if (!independent(keys.get(i), mk)) {
                    merged.addAll(0, groups.remove(i));
                    mk.addAll(keys.remove(i));
                }
            }
            groups.add(merged);
            keys.add(mk);
        }
        return groups;
    }

    private Expr expand(Expr e) {
        return ctx.cas().expand(e).toOptional().orElseThrow(() -> new Stuck("the CAS could not expand " + TextPrinter.print(e)));
    }

    // ------------------------------------------------------------------ moments of the distributions

    /**
     * Replaces the leaves E[X^k], Var[X] of random scalars by the moments of their
     * distributions; {@code used} receives one relation per moment used.
     */
    Expr moments(Expr e, List<Relation> used) {
        return Exprs.transform(e, x -> {
            if (x instanceof Expectation m && !(keepLets && isLetUnit(m.arg()))) {
                Expr arg = m.arg();
                Expr base = arg instanceof Pow p ? p.base() : arg;
                int k = arg instanceof Pow p && p.exponent() instanceof Num n && n.value().isInteger() ? n.value().num().intValueExact() : 1;
                if (!isAtom(base) || k < 1) throw new Stuck("E[" + TextPrinter.print(arg) + "] is not a moment of a declared random scalar");
                Expr v = moment(base, k);
                note(used, x, v);
                return v;
            }
            if (x instanceof Variance v && isAtom(v.arg())) {
                Expr m1 = moment(v.arg(), 1);
                Expr m2 = moment(v.arg(), 2);
                Expr value = ctx.simplify(Exprs.sub(m2, Exprs.sq(m1)));
                note(used, x, value);
                return value;
            }
            return null;
        });
    }

    private static void note(List<Relation> used, Expr leaf, Expr value) {
        for (Relation r : used) if (r.lhs().equals(leaf)) return;
        used.add(new Relation(RelOp.EQ, leaf, value, Pos.NONE));
    }

    /** E[X^k] of one random scalar from its declaration. */
    Expr moment(Expr atom, int k) {
        String name = atom instanceof Sym s ? s.name() : ((Sym) ((Index) atom).base()).name();
        Distribution d = randoms.get(name).distribution();
        Expr raw;
        if (d instanceof Distribution.Moments m) {
            raw = switch (k) {
                case 1 -> m.mean();
                case 2 -> Exprs.add(m.variance(), Exprs.sq(m.mean()));
                default -> throw new Stuck("E[" + TextPrinter.print(atom) + "^" + k + "]: only the mean and variance of " + name + " are given");
            };
        } else {
            raw = named((Distribution.Named) d, k, name);
        }
        Expr simple = ctx.simplify(raw);
        Expr t = ctx.cas().together(simple).orElse(simple);
        return ctx.cas().cancel(ctx.cas().factor(t).orElse(t)).orElse(simple);
    }

    private static Expr named(Distribution.Named n, int k, String name) {
        List<Expr> a = n.params();
        return switch (n.family()) {
            case BERNOULLI -> a.get(0); // X^k = X for X in {0, 1}
            case NORMAL -> {
                Expr mu = a.get(0);
                Expr v = a.get(1);
                yield switch (k) {
                    case 1 -> mu;
                    case 2 -> Exprs.add(v, Exprs.sq(mu));
                    case 3 -> Exprs.add(Exprs.pow(mu, Num.of(3)), Exprs.mul(Num.of(3), mu, v));
                    case 4 -> Exprs.add(Exprs.pow(mu, Num.of(4)), Exprs.mul(Num.of(6), Exprs.sq(mu), v), Exprs.mul(Num.of(3), Exprs.sq(v)));
                    default -> throw new Stuck("moments of order " + k + " of the normal " + name + " are not tabulated");
                };
            }
            case UNIFORM -> {
                // E[X^k] = (b^(k+1) - a^(k+1)) / ((k+1)(b - a))
                Expr lo = a.get(0);
                Expr hi = a.get(1);
                Num k1 = Num.of(k + 1);
                yield Exprs.div(Exprs.sub(Exprs.pow(hi, k1), Exprs.pow(lo, k1)), Exprs.mul(k1, Exprs.sub(hi, lo)));
            }
        };
    }
}
