package derivcheck.derive.piecewise;

import derivcheck.cas.Sign;
import derivcheck.cas.ZeroTest;
import derivcheck.derive.DeriveContext;
import derivcheck.derive.Simplifier;
import derivcheck.derive.expect.ZeroCheck;
import derivcheck.expr.Apply;
import derivcheck.expr.Builtin;
import derivcheck.expr.Expr;
import derivcheck.expr.Exprs;
import derivcheck.expr.Iverson;
import derivcheck.expr.Mul;
import derivcheck.expr.Norm;
import derivcheck.expr.Num;
import derivcheck.expr.Piecewise;
import derivcheck.expr.Pos;
import derivcheck.expr.Pow;
import derivcheck.expr.Rational;
import derivcheck.expr.Relation;
import derivcheck.expr.Shape;
import derivcheck.expr.Sum;
import derivcheck.expr.Sym;
import derivcheck.expr.SymKind;
import derivcheck.expr.TextPrinter;
import derivcheck.limits.Deadline;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Is a difference of piecewise expressions 0? It is split region by region: the innermost
 * piecewise node ({@code max(a, b)}, {@code min}, {@code abs}, {@code sign}, {@code relu}, an
 * Iverson bracket, {@code cases}) that is not inside an index sum is replaced by each of its
 * branches under the branch's condition ({@code max(a, b)} is a where a - b ≥ 0, b where
 * a - b < 0; {@code sign(a)} is 1, 0, -1 where a > 0, a = 0, a < 0), until no piecewise node is
 * left; the regions are the union of both sides' breakpoints. A region is skipped when its
 * conditions (with the problem's assumptions) are provably contradictory ({@link LinearRegion}:
 * each condition over one denominator of known sign, multiplied out, Fourier–Motzkin over its
 * monomials); on every other region the piecewise-free difference must be 0 (the CAS, after the
 * region's equations are substituted).
 *
 * <p>This tier only proves: "zero" needs every region shown; anything else is "not shown" with
 * the first region that could not be, never "different" (a difference needs a point, and the
 * judge's numeric tier finds it). Beyond {@link #MAX_REGIONS} regions it declines with the reason.
 * A vector difference is compared entry by entry ({@link PiecewiseEntry}): entry i, i a fresh index.
 */
public final class PiecewiseRegions {
    /** The most regions one comparison visits before it declines. */
    static final int MAX_REGIONS = 64;

    /** proved: zero on every region; else why not. */
    public record Outcome(boolean proved, String reason) {}

    /** A condition {@code form op 0}. */
    record Cond(Expr form, LinearRegion.Op op) {
        @Override public String toString() {
            return TextPrinter.print(form) + switch (op) { case GT -> " > 0"; case GE -> " >= 0"; case EQ -> " = 0"; };
        }
    }

    private record Branch(List<Cond> conditions, Expr value) {}

    private static final class TooMany extends RuntimeException {
        TooMany() { super(null, null, false, false); }
    }

    private final DeriveContext ctx;
    private final List<Cond> facts = new ArrayList<>();
    private final Map<Cond, Optional<Linear>> linear = new HashMap<>();
    private final Map<String, Optional<LinearRegion.Constraint>> atomSigns = new HashMap<>();
    private int regions, empty;

    private PiecewiseRegions(DeriveContext ctx, List<Relation> assumptions) {
        this.ctx = ctx;
        for (Relation r : assumptions) {
            if (!r.lhs().isScalar() || !r.rhs().isScalar() || hasPiecewise(r.lhs()) || hasPiecewise(r.rhs())) continue;
            List<Cond> alternatives = holds(r);
            if (alternatives.size() == 1) facts.add(alternatives.get(0));
        }
    }

    /** Does e have a piecewise node outside every index sum (one this comparison can split on)? */
    public static boolean applies(Expr e) {
        if (e.isScalar()) return innermost(e) != null;
        try {
            return innermost(PiecewiseEntry.of(e, freshIndex(e))) != null;
        } catch (PiecewiseEntry.NoEntry | derivcheck.expr.ShapeException x) {
            return false;
        }
    }

    private static Sym freshIndex(Expr e) {
        return Exprs.freshIndex(new Sym("i", Shape.SCALAR, SymKind.INDEX, Pos.NONE), Exprs.names(e));
    }

    static boolean hasPiecewise(Expr e) {
        return Exprs.anyNode(e, PiecewiseRegions::isPiecewise);
    }

    /**
     * Proves {@code difference = 0} region by region, under the context's facts and the given
     * relations (the problem's assumptions, derived conditions). Never throws but {@link Deadline.Expired}.
     */
    public static Outcome zero(Expr difference, List<Relation> assumptions, DeriveContext ctx) {
        Expr d = difference;
        if (!d.isScalar()) {
            try {
                d = PiecewiseEntry.of(d, freshIndex(d));
            } catch (PiecewiseEntry.NoEntry | derivcheck.expr.ShapeException e) {
                return new Outcome(false, "region by region: " + e.getMessage());
            }
        }
        PiecewiseRegions run = new PiecewiseRegions(ctx, assumptions);
        try {
            Optional<String> failed = run.split(d, List.of());
            if (failed.isPresent()) return new Outcome(false, failed.get());
            return new Outcome(true, "equal on every region of the breakpoints (" + run.regions + " region(s), "
                    + run.empty + " of them empty under the assumptions)");
        } catch (TooMany t) {
            return new Outcome(false, "more than " + MAX_REGIONS + " regions between the breakpoints: not compared region by region");
        } catch (RuntimeException e) {
            if (e instanceof Deadline.Expired x) throw x;
            return new Outcome(false, "the region-by-region comparison stopped: " + e.getMessage());
        }
    }

    /** Empty when d is 0 on every region refining {@code region}; else the first region that is not shown. */
    private Optional<String> split(Expr d, List<Cond> region) {
        Deadline.current().check();
        Expr p = innermost(d);
        if (p == null) return leaf(d, region);
        for (Branch b : branches(p)) {
            List<Cond> here = new ArrayList<>(region);
            here.addAll(b.conditions());
            if (b.value() == null) {
                // no arm of a cases applies: the expression is undefined there, unless that cannot happen
                if (!infeasible(here)) return Optional.of("no case applies where " + describe(here));
                continue;
            }
            if (infeasible(here)) {
                if (++regions > MAX_REGIONS) throw new TooMany();
                empty++;
                continue;
            }
            Expr next = Exprs.substitute(d, p, b.value());
            Optional<String> failed = split(next, here);
            if (failed.isPresent()) return failed;
        }
        return Optional.empty();
    }

    private Optional<String> leaf(Expr d, List<Cond> region) {
        if (++regions > MAX_REGIONS) throw new TooMany();
        Expr e = substituteEquations(d, withBoundaryEquations(region));
        ZeroTest z = ZeroCheck.test(e, ctx);
        if (z == ZeroTest.ZERO) return Optional.empty();
        // on a boundary (v - t >= 0 and t - v >= 0) the region may force the difference to 0:
        // neither difference > 0 nor difference < 0 is possible there
        if (e.isScalar() && infeasible(concat(region, List.of(gt(e)))) && infeasible(concat(region, List.of(gt(Exprs.neg(e)))))) {
            return Optional.empty();
        }
        return Optional.of("where " + (region.isEmpty() ? "every condition holds" : describe(region))
                + " the difference is " + TextPrinter.print(Simplifier.scalarOrSelf(e, ctx)) + ", not shown to be 0");
    }

    /**
     * A region with t >= 0 and -t >= 0 lies on the boundary t = 0: that equation is added, so that it can be
     * substituted (where a >= lam and lam >= a, a difference -(lam - a)^2/2 is 0).
     */
    private List<Cond> withBoundaryEquations(List<Cond> region) {
        List<Cond> out = new ArrayList<>(region);
        for (int i = 0; i < region.size(); i++) {
            for (int j = i + 1; j < region.size(); j++) {
                Cond a = region.get(i), b = region.get(j);
                if (a.op() != LinearRegion.Op.GE || b.op() != LinearRegion.Op.GE) continue;
                if (ctx.simplify(Exprs.add(a.form(), b.form())) instanceof derivcheck.expr.Num n && n.value().isZero()) {
                    out.add(new Cond(a.form(), LinearRegion.Op.EQ));
                }
            }
        }
        return out;
    }

    private static String describe(List<Cond> region) {
        return String.join(", ", region.stream().map(Cond::toString).toList());
    }

    // ------------------------------------------------------------------ branches

    private static boolean isPiecewise(Expr e) {
        if (e instanceof Iverson || e instanceof Piecewise) return e.isScalar();
        if (e instanceof Apply a && a.fn() instanceof Builtin b && a.isScalar()) {
            return switch (b) {
                case ABS, SIGN, RELU -> true;
                case MAX, MIN -> a.args().size() == 2;
                default -> false;
            };
        }
        return false;
    }

    /** A piecewise node none of whose parts has one, outside index sums; or null. */
    private static Expr innermost(Expr e) {
        if (e instanceof Sum) return null;
        for (Expr c : e.children()) {
            Expr inner = innermost(c);
            if (inner != null) return inner;
        }
        return isPiecewise(e) ? e : null;
    }

    private static List<Branch> branches(Expr p) {
        List<Branch> out = new ArrayList<>();
        if (p instanceof Apply a) {
            Expr x = a.args().get(0);
            switch ((Builtin) a.fn()) {
                case ABS -> {
                    out.add(new Branch(List.of(ge(x)), x));
                    out.add(new Branch(List.of(gt(Exprs.neg(x))), Exprs.neg(x)));
                }
                case RELU -> {
                    out.add(new Branch(List.of(ge(x)), x));
                    out.add(new Branch(List.of(gt(Exprs.neg(x))), Num.ZERO));
                }
                case SIGN -> {
                    out.add(new Branch(List.of(gt(x)), Num.ONE));
                    out.add(new Branch(List.of(new Cond(x, LinearRegion.Op.EQ)), Num.ZERO));
                    out.add(new Branch(List.of(gt(Exprs.neg(x))), Num.MINUS_ONE));
                }
                case MAX, MIN -> {
                    Expr y = a.args().get(1);
                    Expr first = a.fn() == Builtin.MAX ? Exprs.sub(x, y) : Exprs.sub(y, x);
                    out.add(new Branch(List.of(ge(first)), x));
                    out.add(new Branch(List.of(gt(Exprs.neg(first))), y));
                }
                default -> throw new IllegalStateException("not piecewise: " + a.fn());
            }
            return out;
        }
        if (p instanceof Iverson iv) {
            for (List<Cond> c : allHold(iv.conditions())) out.add(new Branch(c, Num.ONE));
            for (List<Cond> c : notAllHold(iv.conditions())) out.add(new Branch(c, Num.ZERO));
            return out;
        }
        Piecewise pw = (Piecewise) p;
        List<List<Cond>> before = List.of(List.of());
        for (Piecewise.Arm arm : pw.arms()) {
            for (List<Cond> prior : before) {
                for (List<Cond> c : allHold(arm.guard())) out.add(new Branch(concat(prior, c), arm.value()));
            }
            if (arm.guard().isEmpty()) return out;
            List<List<Cond>> next = new ArrayList<>();
            for (List<Cond> prior : before) for (List<Cond> c : notAllHold(arm.guard())) next.add(concat(prior, c));
            before = next;
        }
        for (List<Cond> prior : before) out.add(new Branch(prior, null));
        return out;
    }

    /** The conjunction of the relations, as alternatives (each a conjunction of conditions). */
    private static List<List<Cond>> allHold(List<Relation> rs) {
        List<List<Cond>> out = List.of(List.of());
        for (Relation r : rs) {
            List<List<Cond>> next = new ArrayList<>();
            for (List<Cond> prefix : out) for (Cond c : holds(r)) next.add(concat(prefix, List.of(c)));
            out = next;
        }
        return out;
    }

    /** Not all of the relations hold: the first that fails, after the ones before it held. */
    private static List<List<Cond>> notAllHold(List<Relation> rs) {
        List<List<Cond>> out = new ArrayList<>();
        for (int k = 0; k < rs.size(); k++) {
            for (List<Cond> prefix : allHold(rs.subList(0, k))) {
                for (Cond c : fails(rs.get(k))) out.add(concat(prefix, List.of(c)));
            }
        }
        return out;
    }

    /** lhs op rhs as alternatives of conditions f op 0. */
    private static List<Cond> holds(Relation r) {
        Expr f = Exprs.sub(r.lhs(), r.rhs());
        return switch (r.op()) {
            case GT -> List.of(gt(f));
            case GE -> List.of(ge(f));
            case LT -> List.of(gt(Exprs.neg(f)));
            case LE -> List.of(ge(Exprs.neg(f)));
            case EQ -> List.of(new Cond(f, LinearRegion.Op.EQ));
            case NE -> List.of(gt(f), gt(Exprs.neg(f)));
        };
    }

    private static List<Cond> fails(Relation r) {
        Expr f = Exprs.sub(r.lhs(), r.rhs());
        return switch (r.op()) {
            case GT -> List.of(ge(Exprs.neg(f)));
            case GE -> List.of(gt(Exprs.neg(f)));
            case LT -> List.of(ge(f));
            case LE -> List.of(gt(f));
            case EQ -> List.of(gt(f), gt(Exprs.neg(f)));
            case NE -> List.of(new Cond(f, LinearRegion.Op.EQ));
        };
    }

    private static Cond gt(Expr f) { return new Cond(f, LinearRegion.Op.GT); }

    private static Cond ge(Expr f) { return new Cond(f, LinearRegion.Op.GE); }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    // ------------------------------------------------------------------ regions

    /** A condition as a linear constraint over monomials, with the monomials it names. */
    private record Linear(LinearRegion.Constraint constraint, Map<String, Expr> atoms) {}

    /** Provably no point satisfies the region's conditions and the assumptions together. */
    private boolean infeasible(List<Cond> region) {
        List<LinearRegion.Constraint> cs = new ArrayList<>();
        Map<String, Expr> atoms = new LinkedHashMap<>();
        for (Cond c : concat(facts, region)) {
            Optional<Linear> l = linear(c);
            if (l.isEmpty()) continue; // a condition we cannot write linearly only weakens the test
            cs.add(l.get().constraint());
            atoms.putAll(l.get().atoms());
        }
        for (Map.Entry<String, Expr> a : atoms.entrySet()) atomSign(a.getKey(), a.getValue()).ifPresent(cs::add);
        return LinearRegion.empty(cs);
    }

    private Optional<Linear> linear(Cond c) {
        return linear.computeIfAbsent(c, k -> linearize(normalized(k)));
    }

    /**
     * The condition over one denominator, the denominator and the factors of known strict sign
     * dropped (a negative one flips the comparison): 1 - r/||y|| >= 0 becomes ||y|| - r >= 0.
     * A denominator is nonzero wherever the expression is defined, so a nonnegative one counts as
     * positive.
     */
    private Cond normalized(Cond c) {
        Expr t = ctx.cas().together(c.form()).orElse(c.form());
        List<Expr> factors = t instanceof Mul m ? m.factors() : List.of(t);
        List<Expr> kept = new ArrayList<>();
        boolean flip = false;
        for (Expr f : factors) {
            if (f instanceof Num n) {
                if (n.value().isZero()) return new Cond(Num.ZERO, c.op());
                flip ^= n.value().signum() < 0;
                continue;
            }
            boolean denominator = f instanceof Pow p && p.exponent() instanceof Num e && e.value().signum() < 0;
            if (denominator && ((Pow) f).exponent() instanceof Num e && (!e.value().isInteger() || !e.value().num().testBit(0))) {
                continue; // an even or fractional power in a denominator: positive where defined
            }
            Sign s = sign(denominator ? ((Pow) f).base() : f);
            if (s == Sign.POSITIVE || denominator && s == Sign.NONNEGATIVE) continue;
            if (s == Sign.NEGATIVE || denominator && s == Sign.NONPOSITIVE) { flip = !flip; continue; }
            if (denominator) return c; // a denominator of unknown sign: the condition as it was
            kept.add(f);
        }
        Expr form = kept.isEmpty() ? Num.ONE : Exprs.mul(kept, Pos.NONE);
        return new Cond(flip ? Exprs.neg(form) : form, c.op());
    }

    private Sign sign(Expr e) {
        if (e instanceof Norm) return Sign.NONNEGATIVE;
        return ctx.cas().sign(e, ctx.assumptions()).orElse(Sign.UNKNOWN);
    }

    /** c0 + Σ c_k m_k after multiplying out; empty when the CAS cannot expand it. */
    private Optional<Linear> linearize(Cond c) {
        Expr x = ctx.cas().expand(c.form()).orElse(c.form());
        List<Expr> terms = x instanceof derivcheck.expr.Add a ? a.terms() : List.of(x);
        Rational constant = Rational.ZERO;
        Map<String, Rational> coefficients = new LinkedHashMap<>();
        Map<String, Expr> atoms = new LinkedHashMap<>();
        for (Expr t : terms) {
            Rational k = Rational.ONE;
            List<Expr> rest = new ArrayList<>();
            for (Expr f : t instanceof Mul m ? m.factors() : List.of(t)) {
                if (f instanceof Num n) k = k.times(n.value());
                else rest.add(f);
            }
            if (rest.isEmpty()) { constant = constant.plus(k); continue; }
            List<String> keys = new ArrayList<>(rest.stream().map(TextPrinter::print).toList());
            java.util.Collections.sort(keys);
            String key = String.join("*", keys);
            atoms.putIfAbsent(key, rest.size() == 1 ? rest.get(0) : Exprs.mul(rest, Pos.NONE));
            coefficients.merge(key, k, Rational::plus);
        }
        return Optional.of(new Linear(new LinearRegion.Constraint(constant, coefficients, c.op()), atoms));
    }

    /** What the assumptions say about the sign of one monomial, as a constraint on it. */
    private Optional<LinearRegion.Constraint> atomSign(String key, Expr atom) {
        return atomSigns.computeIfAbsent(key, k -> {
            Sign s = sign(atom);
            if (s == Sign.NONNEGATIVE && atom instanceof Norm) {
                Sign strict = ctx.cas().sign(atom, ctx.assumptions()).orElse(Sign.UNKNOWN);
                if (strict == Sign.POSITIVE) s = strict;
            }
            Rational one = Rational.ONE, minus = Rational.MINUS_ONE;
            return switch (s) {
                case POSITIVE -> Optional.of(new LinearRegion.Constraint(Rational.ZERO, Map.of(k, one), LinearRegion.Op.GT));
                case NONNEGATIVE -> Optional.of(new LinearRegion.Constraint(Rational.ZERO, Map.of(k, one), LinearRegion.Op.GE));
                case NEGATIVE -> Optional.of(new LinearRegion.Constraint(Rational.ZERO, Map.of(k, minus), LinearRegion.Op.GT));
                case NONPOSITIVE -> Optional.of(new LinearRegion.Constraint(Rational.ZERO, Map.of(k, minus), LinearRegion.Op.GE));
                case ZERO -> Optional.of(new LinearRegion.Constraint(Rational.ZERO, Map.of(k, one), LinearRegion.Op.EQ));
                case UNKNOWN -> Optional.empty();
            };
        });
    }

    /**
     * The region's equations used in d: an equation linear in a plain symbol or entry (v_i = 0,
     * a - b = 0) is solved for it and substituted.
     */
    private Expr substituteEquations(Expr d, List<Cond> region) {
        Expr out = d;
        for (Cond c : region) {
            if (c.op() != LinearRegion.Op.EQ) continue;
            Optional<Linear> l = linear(c);
            if (l.isEmpty()) continue;
            for (Map.Entry<String, Expr> a : l.get().atoms().entrySet()) {
                Expr atom = a.getValue();
                if (!(atom instanceof Sym || atom instanceof derivcheck.expr.Index) || !Exprs.contains(out, atom)) continue;
                Rational k = l.get().constraint().coefficients().get(a.getKey());
                List<Expr> rest = new ArrayList<>();
                rest.add(Exprs.num(l.get().constraint().constant()));
                boolean linearIn = true;
                for (Map.Entry<String, Expr> b : l.get().atoms().entrySet()) {
                    if (b.getKey().equals(a.getKey())) continue;
                    if (Exprs.contains(b.getValue(), atom)) { linearIn = false; break; }
                    rest.add(Exprs.mul(Exprs.num(l.get().constraint().coefficients().get(b.getKey())), b.getValue()));
                }
                if (!linearIn) continue;
                // k·atom + rest = 0  ⇒  atom = -rest/k
                Expr value = Exprs.mul(Exprs.num(k.inverse().negate()), Exprs.add(rest, Pos.NONE));
                out = Exprs.substitute(out, atom, value);
                break;
            }
        }
        return out;
    }
}
