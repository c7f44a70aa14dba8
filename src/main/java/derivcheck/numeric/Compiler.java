package derivcheck.numeric;

import derivcheck.expr.Add;
import derivcheck.expr.Apply;
import derivcheck.expr.Builtin;
import derivcheck.expr.Const;
import derivcheck.expr.Expectation;
import derivcheck.expr.Expr;
import derivcheck.expr.Grad;
import derivcheck.expr.Identity;
import derivcheck.expr.Index;
import derivcheck.expr.Inner;
import derivcheck.expr.Inverse;
import derivcheck.expr.Iverson;
import derivcheck.expr.Mul;
import derivcheck.expr.Norm;
import derivcheck.expr.NormKind;
import derivcheck.expr.Num;
import derivcheck.expr.Piecewise;
import derivcheck.expr.Pow;
import derivcheck.expr.Rational;
import derivcheck.expr.RelOp;
import derivcheck.expr.Relation;
import derivcheck.expr.Shape;
import derivcheck.expr.Sum;
import derivcheck.expr.Sym;
import derivcheck.expr.Transpose;
import derivcheck.expr.UserFunc;
import derivcheck.expr.Variance;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * Compiles an {@link Expr} once into a tree of closures that evaluates fast many times.
 * Scalar-shaped subtrees compile to unboxed {@code double} closures; symbols are resolved to
 * array slots when the expression is bound to an {@link Env}.
 *
 * <p>Errors: {@link NotEvaluableException} at compile time for E[.], Var[.] and grad(.,.);
 * domain problems at run time give NaN (log/sqrt of a negative, logit outside [0,1], a singular
 * inverse, 0^-1 = inf, no case of a piecewise applies); structural problems at run time
 * (missing value or function, wrong size, non-integer or out-of-range index) throw
 * {@link EvaluationException}.
 */
public final class Compiler {
    private final Map<String, Slot> slots = new LinkedHashMap<>();
    private final Map<UserFunc, Integer> functions = new LinkedHashMap<>();
    private final Map<String, Integer> indexScope = new HashMap<>();
    private int scalars;
    private int values;

    private Compiler() {}

    /** Compiles an expression; throws {@link NotEvaluableException} if it has no pointwise value. */
    public static Compiled compile(Expr e) {
        Compiler c = new Compiler();
        SNode scalarRoot = e.isScalar() ? c.scalar(e) : null;
        VNode root = scalarRoot != null ? f -> new Value.Real(scalarRoot.eval(f)) : c.value(e);
        return new Compiled(e, root, scalarRoot, List.copyOf(c.slots.values()),
                List.copyOf(c.functions.keySet()), c.scalars, c.values);
    }

    // ---------------------------------------------------------------- scalar-shaped nodes

    SNode scalar(Expr e) {
        if (!e.isScalar()) throw new IllegalStateException("not scalar: " + e);
        if (e instanceof Num n) {
            double c = n.value().toDouble();
            return f -> c;
        }
        if (e instanceof Const) return f -> Math.PI;
        if (e instanceof Sym s) {
            Integer bound = indexScope.get(s.name());
            int k = bound != null ? bound : slot(s).index();
            return f -> f.s[k];
        }
        if (e instanceof Add a) return scalarAdd(a);
        if (e instanceof Mul m) return scalarMul(m);
        if (e instanceof Pow p) return scalarPow(p);
        if (e instanceof Apply a) return scalarApply(a);
        if (e instanceof Inner in) {
            VNode l = value(in.left()), r = value(in.right());
            return f -> Ops.inner(l.eval(f), r.eval(f));
        }
        if (e instanceof Norm n) {
            VNode a = value(n.arg());
            NormKind kind = n.kind();
            return f -> Ops.norm(a.eval(f), kind);
        }
        if (e instanceof Transpose t && t.arg().isScalar()) return scalar(t.arg());
        if (e instanceof Index ix) return scalarIndex(ix);
        if (e instanceof Sum s) return scalarSum(s);
        if (e instanceof Piecewise p) return scalarPiecewise(p);
        if (e instanceof Iverson iv) {
            Pred p = all(iv.conditions());
            return f -> p.test(f) ? 1.0 : 0.0;
        }
        rejectNotEvaluable(e);
        VNode v = value(e);
        return f -> v.eval(f).asDouble();
    }

    private SNode scalarAdd(Add a) {
        SNode[] t = scalars(a.terms());
        if (t.length == 2) {
            SNode x = t[0], y = t[1];
            return f -> x.eval(f) + y.eval(f);
        }
        return f -> {
            double s = 0;
            for (SNode n : t) s += n.eval(f);
            return s;
        };
    }

    private SNode scalarMul(Mul m) {
        boolean allScalar = m.factors().stream().allMatch(Expr::isScalar);
        if (!allScalar) {
            VNode v = valueMul(m);
            return f -> v.eval(f).asDouble();
        }
        if (m.factors().stream().anyMatch(x -> x instanceof Iverson)) {
            // Iverson's convention ("strongly zero", Concrete Mathematics 2.4): a false bracket makes the
            // product 0 even where another factor is undefined, e.g. [j >= 2]*g_{j-1} at j = 1, where
            // g_0 does not exist. The brackets are tested first and the other factors only when all hold.
            List<Expr> rest = new ArrayList<>();
            List<Relation> guards = new ArrayList<>();
            for (Expr x : m.factors()) {
                if (x instanceof Iverson iv) guards.addAll(iv.conditions());
                else rest.add(x);
            }
            Pred holds = all(guards);
            SNode[] r = scalars(rest);
            return f -> {
                if (!holds.test(f)) return 0.0;
                double p = 1;
                for (SNode n : r) p *= n.eval(f);
                return p;
            };
        }
        SNode[] t = scalars(m.factors());
        if (t.length == 2) {
            SNode x = t[0], y = t[1];
            return f -> x.eval(f) * y.eval(f);
        }
        return f -> {
            double p = 1;
            for (SNode n : t) p *= n.eval(f);
            return p;
        };
    }

    private SNode scalarPow(Pow p) {
        SNode b = scalar(p.base());
        if (p.exponent() instanceof Num n) {
            Rational r = n.value();
            if (r.equals(Rational.of(2))) return f -> { double x = b.eval(f); return x * x; };
            if (r.equals(Rational.ONE)) return b;
            if (r.equals(Rational.MINUS_ONE)) return f -> 1.0 / b.eval(f);
            if (r.equals(Rational.of(1, 2))) return f -> Math.sqrt(b.eval(f));
            if (r.equals(Rational.of(-2))) return f -> { double x = b.eval(f); return 1.0 / (x * x); };
            double k = r.toDouble();
            return f -> Math.pow(b.eval(f), k);
        }
        SNode k = scalar(p.exponent());
        return f -> Math.pow(b.eval(f), k.eval(f));
    }

    private SNode scalarApply(Apply a) {
        if (a.fn() instanceof UserFunc u) {
            int k = functions.computeIfAbsent(u, x -> functions.size());
            SNode x = scalar(a.args().get(0));
            return f -> f.fn[k].applyAsDouble(x.eval(f));
        }
        Builtin b = (Builtin) a.fn();
        List<Expr> args = a.args();
        if (b.entrywise() && args.get(0).isScalar()) {
            DoubleUnaryOperator op = Builtins.scalar(b);
            SNode x = scalar(args.get(0));
            return f -> op.applyAsDouble(x.eval(f));
        }
        switch (b) {
            case SUM: {
                VNode x = value(args.get(0));
                return f -> Builtins.sum(x.eval(f));
            }
            case TRACE: {
                VNode x = value(args.get(0));
                return f -> Builtins.trace(x.eval(f));
            }
            case HADAMARD: case EDIVIDE: {
                SNode x = scalar(args.get(0)), y = scalar(args.get(1));
                return b == Builtin.HADAMARD ? f -> x.eval(f) * y.eval(f) : f -> x.eval(f) / y.eval(f);
            }
            case LOGSUMEXP: {
                VNode x = value(args.get(0));
                return f -> Builtins.logSumExp(x.eval(f));
            }
            case ARGMAX: {
                VNode x = value(args.get(0));
                return f -> Builtins.argmax(x.eval(f));
            }
            case MAX: case MIN: {
                boolean max = b == Builtin.MAX;
                if (args.size() == 1) {
                    VNode x = value(args.get(0));
                    return f -> Builtins.reduce(x.eval(f), max);
                }
                SNode x = scalar(args.get(0)), y = scalar(args.get(1));
                return max ? f -> Math.max(x.eval(f), y.eval(f)) : f -> Math.min(x.eval(f), y.eval(f));
            }
            default: {
                VNode v = value(a);
                return f -> v.eval(f).asDouble();
            }
        }
    }

    private SNode scalarIndex(Index ix) {
        VNode base = value(ix.base());
        SNode i = scalar(ix.indices().get(0));
        if (ix.indices().size() == 1) {
            return f -> {
                Value b = base.eval(f);
                if (b instanceof Value.Vec v) return v.vector().getEntry(Ops.index(i.eval(f), v.size()));
                throw new EvaluationException("cannot take one index of a " + b.describe() + " to get a number");
            };
        }
        SNode j = scalar(ix.indices().get(1));
        return f -> {
            var m = base.eval(f).asMatrix();
            return m.getEntry(Ops.index(i.eval(f), m.getRowDimension()), Ops.index(j.eval(f), m.getColumnDimension()));
        };
    }

    private SNode scalarSum(Sum s) {
        SNode lo = scalar(s.lo()), hi = scalar(s.hi());
        int k = scalars++;
        Integer saved = indexScope.put(s.index().name(), k);
        SNode body = scalar(s.body());
        restore(s.index().name(), saved);
        return f -> {
            int a = Ops.integer(lo.eval(f), "a lower summation bound");
            int b = Ops.integer(hi.eval(f), "an upper summation bound");
            double acc = 0;
            for (int i = a; i <= b; i++) {
                f.s[k] = i;
                acc += body.eval(f);
            }
            return acc;
        };
    }

    private SNode scalarPiecewise(Piecewise p) {
        int n = p.arms().size();
        Pred[] guards = new Pred[n];
        SNode[] vals = new SNode[n];
        for (int a = 0; a < n; a++) {
            guards[a] = all(p.arms().get(a).guard());
            vals[a] = scalar(p.arms().get(a).value());
        }
        return f -> {
            for (int a = 0; a < n; a++) if (guards[a].test(f)) return vals[a].eval(f);
            return Double.NaN;
        };
    }

    // ---------------------------------------------------------------- nodes of any shape

    VNode value(Expr e) {
        rejectNotEvaluable(e);
        if (e.isScalar()) {
            SNode s = scalar(e);
            return f -> new Value.Real(s.eval(f));
        }
        Shape shape = e.shape();
        if (e instanceof Sym s) {
            int k = slot(s).index();
            return f -> f.v[k];
        }
        if (e instanceof Add a) {
            VNode[] t = values(a.terms());
            return f -> {
                Value acc = t[0].eval(f);
                for (int i = 1; i < t.length; i++) acc = Ops.add(acc, t[i].eval(f));
                return acc;
            };
        }
        if (e instanceof Mul m) return valueMul(m);
        if (e instanceof Pow p) {
            VNode b = value(p.base());
            SNode k = scalar(p.exponent());
            return f -> Ops.power(b.eval(f), k.eval(f));
        }
        if (e instanceof Apply a) return valueApply(a);
        if (e instanceof Transpose t) {
            VNode a = value(t.arg());
            return f -> Ops.transpose(a.eval(f), shape);
        }
        if (e instanceof Inverse inv) {
            VNode a = value(inv.arg());
            return f -> Ops.inverse(a.eval(f));
        }
        if (e instanceof Identity id) {
            return f -> Ops.identity(Ops.dim(id.n(), f.sizes));
        }
        if (e instanceof derivcheck.expr.Ones o) {
            // the ones vector of a scalar broadcast (derivcheck.expr.Broadcast)
            return f -> Ops.filled(o.shape(), f.sizes, 1.0);
        }
        if (e instanceof Index ix) {
            // one index of a matrix: row i as a vector
            VNode base = value(ix.base());
            SNode i = scalar(ix.indices().get(0));
            return f -> {
                var m = base.eval(f).asMatrix();
                return new Value.Vec(m.getRowVector(Ops.index(i.eval(f), m.getRowDimension())));
            };
        }
        if (e instanceof Sum s) {
            SNode lo = scalar(s.lo()), hi = scalar(s.hi());
            int k = scalars++;
            Integer saved = indexScope.put(s.index().name(), k);
            VNode body = value(s.body());
            restore(s.index().name(), saved);
            return f -> {
                int a = Ops.integer(lo.eval(f), "a lower summation bound");
                int b = Ops.integer(hi.eval(f), "an upper summation bound");
                Value acc = null;
                for (int i = a; i <= b; i++) {
                    f.s[k] = i;
                    Value v = body.eval(f);
                    acc = acc == null ? v : Ops.add(acc, v);
                }
                return acc == null ? Ops.filled(shape, f.sizes, 0.0) : acc;
            };
        }
        if (e instanceof Piecewise p) {
            int n = p.arms().size();
            Pred[] guards = new Pred[n];
            VNode[] vals = new VNode[n];
            for (int a = 0; a < n; a++) {
                guards[a] = all(p.arms().get(a).guard());
                vals[a] = value(p.arms().get(a).value());
            }
            return f -> {
                for (int a = 0; a < n; a++) if (guards[a].test(f)) return vals[a].eval(f);
                return Ops.filled(shape, f.sizes, Double.NaN);
            };
        }
        throw new NotEvaluableException("cannot evaluate " + e.getClass().getSimpleName());
    }

    private VNode valueMul(Mul m) {
        List<SNode> coef = new ArrayList<>();
        List<VNode> chain = new ArrayList<>();
        List<Shape> shapes = new ArrayList<>();
        for (Expr x : m.factors()) {
            if (x.isScalar()) coef.add(scalar(x));
            else {
                chain.add(value(x));
                shapes.add(x.shape());
            }
        }
        SNode[] c = coef.toArray(new SNode[0]);
        VNode[] t = chain.toArray(new VNode[0]);
        // where the running product is 1x1 (a'b inside a'*b*x), it is a scalar that scales the rest
        boolean[] scalarAfter = new boolean[t.length];
        Shape acc0 = shapes.isEmpty() ? Shape.SCALAR : shapes.get(0);
        for (int i = 1; i < shapes.size(); i++) {
            acc0 = acc0 == null ? shapes.get(i) : Shape.of(acc0.rows(), shapes.get(i).cols());
            if (acc0.isScalar()) {
                scalarAfter[i] = true;
                acc0 = null;
            }
        }
        Shape shape = m.shape();
        return f -> {
            double k = 1;
            for (SNode n : c) k *= n.eval(f);
            Value acc = t[0].eval(f);
            for (int i = 1; i < t.length; i++) {
                acc = acc == null ? t[i].eval(f) : Ops.times(acc, t[i].eval(f));
                if (scalarAfter[i]) {
                    k *= acc.asDouble();
                    acc = null;
                }
            }
            return Ops.scale(k, acc == null ? new Value.Real(1) : Ops.normalize(acc, shape));
        };
    }

    private VNode valueApply(Apply a) {
        Builtin b = (Builtin) a.fn(); // user functions are scalar
        List<Expr> args = a.args();
        if (b.entrywise()) {
            DoubleUnaryOperator op = Builtins.scalar(b);
            VNode x = value(args.get(0));
            return f -> Ops.map(x.eval(f), op);
        }
        if (b == Builtin.SOFTMAX) {
            VNode x = value(args.get(0));
            return f -> Builtins.softmax(x.eval(f));
        }
        if (b == Builtin.SV) {
            VNode x = value(args.get(0));
            return f -> Builtins.singularValues(x.eval(f));
        }
        if (b == Builtin.LOWRANK) {
            VNode x = value(args.get(0));
            SNode r = scalar(args.get(1));
            return f -> Builtins.lowRank(x.eval(f), r.eval(f));
        }
        if (b.entrywiseBinary()) {
            DoubleBinaryOperator op = b == Builtin.HADAMARD ? (x, y) -> x * y : (x, y) -> x / y;
            VNode x = value(args.get(0)), y = value(args.get(1));
            return f -> Ops.zip(x.eval(f), y.eval(f), op);
        }
        if (b == Builtin.DIAG) {
            VNode x = value(args.get(0));
            return f -> Builtins.diag(x.eval(f));
        }
        if ((b == Builtin.MAX || b == Builtin.MIN) && args.size() == 2) {
            DoubleBinaryOperator op = b == Builtin.MAX ? Math::max : Math::min;
            VNode x = value(args.get(0)), y = value(args.get(1));
            return f -> Ops.zip(x.eval(f), y.eval(f), op);
        }
        throw new EvaluationException(b.spelling() + " with a non-scalar result is not supported");
    }

    // ---------------------------------------------------------------- conditions

    private Pred all(List<Relation> rels) {
        if (rels.isEmpty()) return f -> true;
        Pred[] ps = new Pred[rels.size()];
        for (int i = 0; i < ps.length; i++) ps[i] = relation(rels.get(i));
        if (ps.length == 1) return ps[0];
        return f -> {
            for (Pred p : ps) if (!p.test(f)) return false;
            return true;
        };
    }

    private Pred relation(Relation r) {
        RelOp op = r.op();
        if (r.lhs().isScalar() && r.rhs().isScalar()) {
            SNode l = scalar(r.lhs()), h = scalar(r.rhs());
            return f -> op.holds(l.eval(f), h.eval(f));
        }
        VNode l = value(r.lhs()), h = value(r.rhs());
        return f -> Ops.holds(op, l.eval(f), h.eval(f));
    }

    // ---------------------------------------------------------------- helpers

    private static void rejectNotEvaluable(Expr e) {
        if (e instanceof Expectation) throw new NotEvaluableException("E[...] has no pointwise value; estimate it by Monte Carlo");
        if (e instanceof Variance) throw new NotEvaluableException("Var[...] has no pointwise value; estimate it by Monte Carlo");
        if (e instanceof Grad) throw new NotEvaluableException("grad(...) has no pointwise value; use finite differences");
    }

    private Slot slot(Sym s) {
        Slot existing = slots.get(s.name());
        if (existing != null) {
            if (existing.scalar() != s.isScalar()) {
                throw new EvaluationException("symbol " + s.name() + " is used with two shapes");
            }
            return existing;
        }
        Slot fresh = new Slot(s.name(), s.shape(), s.kind(), s.isScalar() ? scalars++ : values++);
        slots.put(s.name(), fresh);
        return fresh;
    }

    private void restore(String name, Integer saved) {
        if (saved == null) indexScope.remove(name); else indexScope.put(name, saved);
    }

    private SNode[] scalars(List<Expr> es) {
        SNode[] out = new SNode[es.size()];
        for (int i = 0; i < out.length; i++) out[i] = scalar(es.get(i));
        return out;
    }

    private VNode[] values(List<Expr> es) {
        VNode[] out = new VNode[es.size()];
        for (int i = 0; i < out.length; i++) out[i] = value(es.get(i));
        return out;
    }
}
