package derivcheck.calculus;

import derivcheck.expr.Add;
import derivcheck.expr.Apply;
import derivcheck.expr.Builtin;
import derivcheck.expr.Const;
import derivcheck.expr.Dim;
import derivcheck.expr.Expectation;
import derivcheck.expr.Expr;
import derivcheck.expr.Exprs;
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
import derivcheck.expr.Pos;
import derivcheck.expr.Pow;
import derivcheck.expr.RelOp;
import derivcheck.expr.Relation;
import derivcheck.expr.Shape;
import derivcheck.expr.Sum;
import derivcheck.expr.Sym;
import derivcheck.expr.SymKind;
import derivcheck.expr.Transpose;
import derivcheck.expr.UserFunc;
import derivcheck.expr.Variance;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Gradients of scalar expressions with respect to a scalar, vector or matrix symbol, by
 * reverse mode over the expression tree, with matrix-calculus adjoint rules so that results stay
 * in vector/matrix form ({@code 2*X'*(X*w - t)}, never a list of components).
 *
 * <p>Each node e of the tree receives an adjoint G of e's own shape (the gradient of f with
 * respect to e, holding everything else fixed) and passes adjoints on to its children:
 * <ul>
 * <li>sum: every term gets G;</li>
 * <li>ordered product c*L*A*R (c the scalar factors, L and R the matrix chains left and right of
 *     the matrix factor A): A gets c*L'*G*R'; a scalar factor s gets G*(the rest) when the
 *     product is a scalar, else the contraction {@code <G, rest>};</li>
 * <li>{@code <a, b>}: a gets G*b, b gets G*a; transpose: the transposed adjoint;
 *     {@code inv(A)}: A gets -inv(A)'*G*inv(A)';</li>
 * <li>{@code ||u||} (2-norm, Frobenius): u gets G*u/||u||; {@code ||u||^k}: u gets
 *     k*G*||u||^(k-2)*u (so {@code ||u||^2} gives 2*G*u); {@code ||u||_1}: u gets G*sign(u);</li>
 * <li>{@code s^k}: s gets k*G*s^(k-1); a symbolic exponent gets G*s^k*log(s);
 *     a matrix power with an integer exponent is expanded into a product; a matrix power
 *     {@code A^e} with a size exponent (T, T + 1, …): A gets
 *     {@code sum(k = 1..e, (A')^(e-k)*G*(A')^(k-1))};</li>
 * <li>scalar built-ins f(t): t gets G*f'(t) (table in {@link Derivatives}); a declared
 *     function rho: t gets G*rho'(t) via {@link UserFunc#differentiated()};</li>
 * <li>entrywise built-ins of a vector or matrix: u gets f'(u) ⊙ G, written as the tabulated
 *     vector {@code sum(i = 1..n, f'(u_i)*G_i * I_n[i])} (see {@link Entries}), which
 *     {@link Simplify} turns back into f'(u) or c*v where that is what it is;</li>
 * <li>{@code sum(x)}: x gets G*1; {@code trace(M)}: M gets G*I; {@code softmax(u)}: u gets
 *     s ⊙ G - s*(s'*G); {@code max/min(a, b)} entrywise: the adjoint masked by Iverson brackets;
 *     {@code min(v)}/{@code max(v)} of one vector: v gets the vector with entries
 *     {@code G*[v_i = min(v)]} (almost everywhere; at a tie it is not a gradient);</li>
 * <li>an index {@code x_i}: x gets G*e_i (e_i = {@code I_n[i]}), {@code W_{i,j}}: W gets
 *     G*e_i*e_j', row {@code W_i}: W gets e_i*G'; a sum over an index passes G into its body
 *     and sums the contributions over the same range (backprop through index sums);</li>
 * <li>cases: each arm's contribution under the same guard (almost-everywhere derivative);
 *     an Iverson bracket contributes 0 (a.e.); {@code E[.]} of a deterministic adjoint is
 *     differentiated under the expectation.</li>
 * </ul>
 * Symbols other than x (also {@code let} names) are treated as independent of x: substitute
 * definitions before differentiating.
 *
 * <p>Not supported (a {@link NotDifferentiableException} names the node): {@code ||.||_inf},
 * max/min of matrices, {@code Var[.]}, nested
 * {@code grad(.,.)} inside f, sums whose bounds or indices depend on x, matrix powers with a
 * non-integer, x-dependent or non-size exponent, E[.] with a random adjoint or random x.
 */
public final class Gradient {
    private final Sym x;
    private final FreshIndices indices;

    private Gradient(Expr f, Sym x) {
        this.x = x;
        this.indices = new FreshIndices(f, x);
    }

    /**
     * The simplified gradient of the scalar f with respect to x: an expression of x's shape. For a
     * vector f and a vector x, the transposed Jacobian ({@link Jacobian}): the Hessian when f is a gradient.
     */
    public static Expr of(Expr f, Sym x) {
        Expr g = Simplify.simplify(raw(f, x));
        return f.isScalar() ? g : Simplify.simplify(Jacobian.diagonalForm(g));
    }

    /** Like {@link #of}, empty instead of an exception when some node has no rule. */
    public static Optional<Expr> tryOf(Expr f, Sym x) {
        try {
            return Optional.of(of(f, x));
        } catch (NotDifferentiableException e) {
            return Optional.empty();
        }
    }

    /** The ordinary derivative df/dx with respect to a scalar symbol (simplified). */
    public static Expr derivative(Expr f, Sym x) {
        if (!x.isScalar()) throw new IllegalArgumentException(x.name() + " is not a scalar; use Gradient.of");
        return of(f, x);
    }

    /** The gradient as the adjoint rules give it, before {@link Simplify}. */
    public static Expr raw(Expr f, Sym x) {
        if (f.shape() instanceof Shape.Vector && x.shape() instanceof Shape.Vector) return Jacobian.raw(f, x); // a Hessian
        if (!f.isScalar()) {
            throw new NotDifferentiableException(f, x.name(), "a gradient needs a scalar function, not a " + f.shape());
        }
        Gradient g = new Gradient(f, x);
        Expr r = g.back(f, Num.ONE);
        return r == null ? Alg.zeroLike(x) : r;
    }

    /** Replaces every {@code grad(f, x)} node (x a symbol) by the computed gradient, innermost first. */
    public static Expr expandGrads(Expr e) {
        List<Expr> kids = e.children();
        List<Expr> out = new ArrayList<>(kids.size());
        boolean changed = false;
        for (Expr k : kids) {
            Expr t = expandGrads(k);
            changed |= t != k;
            out.add(t);
        }
        Expr self = changed ? e.withChildren(out) : e;
        if (self instanceof Grad g && g.wrt() instanceof Sym s) return of(g.f(), s);
        return self;
    }

    // ------------------------------------------------------------------ the adjoint rules

    private boolean depends(Expr e) { return Exprs.mentions(e, x.name()); }

    private NotDifferentiableException unsupported(Expr e, String why) {
        return new NotDifferentiableException(e, x.name(), why);
    }

    /** The contribution to the gradient through e when e's adjoint is G; null when none. */
    private Expr back(Expr e, Expr g) {
        if (!depends(e)) return null;
        if (e instanceof Sym s) {
            if (!s.shape().equals(x.shape())) throw unsupported(e, "the symbol is used with two shapes");
            return g;
        }
        if (e instanceof Add a) {
            List<Expr> cs = new ArrayList<>();
            for (Expr t : a.terms()) cs.add(back(t, g));
            return sum(cs);
        }
        if (e instanceof Mul m) return backMul(m, g);
        if (e instanceof Pow p) return backPow(p, g);
        if (e instanceof Apply a) return backApply(a, g);
        if (e instanceof Inner in) {
            List<Expr> cs = new ArrayList<>();
            cs.add(back(in.left(), Alg.mul(g, in.right())));
            cs.add(back(in.right(), Alg.mul(g, in.left())));
            return sum(cs);
        }
        if (e instanceof Norm n) return backNorm(n, g);
        if (e instanceof Transpose t) return back(t.arg(), Alg.transpose(g));
        if (e instanceof Inverse inv) {
            Expr it = Alg.transpose(inv);
            return back(inv.arg(), Alg.mul(Num.MINUS_ONE, it, g, it));
        }
        if (e instanceof Index ix) return backIndex(ix, g);
        if (e instanceof Sum s) return backSum(s, g);
        if (e instanceof Piecewise p) return backPiecewise(p, g);
        if (e instanceof Iverson) return null; // piecewise constant: derivative 0 almost everywhere
        if (e instanceof Expectation ex) {
            if (x.kind() == SymKind.RANDOM) throw unsupported(e, x.name() + " is random");
            if (mentionsRandom(g)) throw unsupported(e, "the outer factor is random, so it cannot move under E[.]");
            Expr c = back(ex.arg(), g);
            return c == null ? null : new Expectation(c, Pos.NONE);
        }
        if (e instanceof Variance) throw unsupported(e, "Var[.] has no gradient rule; write it as an expectation");
        if (e instanceof Grad) throw unsupported(e, "expand the inner grad(.,.) first");
        if (e instanceof Num || e instanceof Const || e instanceof Identity || e instanceof derivcheck.expr.Ones) return null;
        throw unsupported(e, "no rule for " + e.getClass().getSimpleName());
    }

    private static Expr sum(List<Expr> cs) {
        List<Expr> out = new ArrayList<>();
        for (Expr c : cs) if (c != null) out.add(c);
        return out.isEmpty() ? null : Alg.add(out);
    }

    private Expr backMul(Mul m0, Expr g) {
        // normalized: 1x1 runs inside a chain (a'*b*x) become closed scalar factors
        Expr normal = Alg.mul(m0.factors());
        if (!(normal instanceof Mul m)) return back(normal, g);
        List<Expr> fs = m.factors();
        List<Expr> scalars = new ArrayList<>();
        List<Expr> chain = new ArrayList<>();
        for (Expr f : fs) (f.isScalar() ? scalars : chain).add(f);
        List<Expr> cs = new ArrayList<>();
        int k = -1; // position of fs[j] in the chain
        for (int j = 0; j < fs.size(); j++) {
            Expr f = fs.get(j);
            if (!f.isScalar()) k++;
            if (!depends(f)) continue;
            Expr adj;
            if (f.isScalar()) {
                List<Expr> others = new ArrayList<>(fs);
                others.remove(j);
                Expr rest = Alg.mul(others);
                adj = m.isScalar() ? Alg.mul(g, rest) : contract(g, rest);
            } else {
                List<Expr> c = new ArrayList<>(scalars);
                c.add(Alg.transposeProduct(chain.subList(0, k)));
                c.add(g);
                c.add(Alg.transposeProduct(chain.subList(k + 1, chain.size())));
                adj = Alg.mul(c);
            }
            cs.add(back(f, adj));
        }
        return sum(cs);
    }

    /** The inner product of two non-scalars of one shape, as G'*r, G*r' (rows) or <G, r>. */
    private static Expr contract(Expr g, Expr r) {
        if (g.shape() instanceof Shape.Vector) return Alg.mul(Alg.transpose(g), r);
        if (g.shape().rows().equals(Dim.ONE)) return Alg.mul(g, Alg.transpose(r));
        return new Inner(g, r, Pos.NONE);
    }

    private Expr backPow(Pow p, Expr g) {
        Expr base = p.base(), k = p.exponent();
        if (!base.isScalar() && !depends(k) && sizeExponent(k)) {
            // d(A^e) = sum(k = 1..e, A^(k-1) dA A^(e-k)); A gets sum(k = 1..e, (A')^(e-k) G (A')^(k-1))
            Sym i = freshIndex();
            Expr at = Alg.transpose(base);
            Expr left = Alg.pow(at, Alg.add(k, Alg.neg(i)));
            Expr right = Alg.pow(at, Alg.add(i, Num.MINUS_ONE));
            return back(base, new Sum(i, Num.ONE, k, Alg.mul(left, g, right), Pos.NONE));
        }
        if (!base.isScalar()) {
            if (depends(k) || !(k instanceof Num n) || !n.value().isInteger() || n.value().num().bitLength() > 6) {
                throw unsupported(p, "a matrix power needs a small constant integer exponent");
            }
            int kk = n.value().num().intValue();
            if (kk == 0) return null;
            Expr factor = kk > 0 ? base : new Inverse(base, Pos.NONE);
            List<Expr> copies = new ArrayList<>();
            for (int i = 0; i < Math.abs(kk); i++) copies.add(factor);
            return back(new Mul(copies, Pos.NONE), g);
        }
        List<Expr> cs = new ArrayList<>();
        if (depends(base)) {
            Expr km1 = Alg.add(k, Num.MINUS_ONE);
            if (base instanceof Norm nb && (nb.kind() == NormKind.L2 || nb.kind() == NormKind.FROBENIUS) && !depends(k)) {
                // d ||u||^k = k ||u||^(k-2) <u, du>
                Expr km2 = Alg.add(k, Num.of(-2));
                cs.add(back(nb.arg(), Alg.mul(g, k, Alg.pow(nb, km2), nb.arg())));
            } else {
                cs.add(back(base, Alg.mul(g, k, Alg.pow(base, km1))));
            }
        }
        if (depends(k)) cs.add(back(k, Alg.mul(g, p, Apply.of(Builtin.LOG, base))));
        return sum(cs);
    }

    /**
     * An exponent that is a size: a sum of dimension symbols with positive integer coefficients
     * plus a non-negative integer (T, 2*T + 1), so a non-negative integer for every size.
     */
    private static boolean sizeExponent(Expr k) {
        if (k instanceof Num) return false; // constant exponents are expanded into products
        List<Expr> terms = k instanceof Add a ? a.terms() : List.of(k);
        boolean dim = false;
        for (Expr t : terms) {
            if (t instanceof Sym s && s.kind() == SymKind.DIM) { dim = true; continue; }
            if (t instanceof Mul m && m.factors().size() == 2 && m.factors().get(0) instanceof Num c
                    && c.value().isInteger() && c.value().signum() > 0
                    && m.factors().get(1) instanceof Sym s && s.kind() == SymKind.DIM) { dim = true; continue; }
            if (t instanceof Num c && c.value().isInteger() && c.value().signum() >= 0) continue;
            return false;
        }
        return dim;
    }

    private Expr backNorm(Norm n, Expr g) {
        Expr u = n.arg();
        return switch (n.kind()) {
            case L2, FROBENIUS -> back(u, Alg.mul(g, u, Alg.inverse(n)));
            case L1 -> back(u, Alg.mul(g, Apply.of(Builtin.SIGN, u)));
            case LINF -> throw unsupported(n, "the max-norm has no gradient rule here");
        };
    }

    private Expr backApply(Apply a, Expr g) {
        if (a.fn() instanceof UserFunc u) {
            Expr t = a.args().get(0);
            return back(t, Alg.mul(g, new Apply(u.differentiated(), List.of(t), Pos.NONE)));
        }
        Builtin b = (Builtin) a.fn();
        if (b.entrywise()) {
            Expr t = a.args().get(0);
            if (t.isScalar()) {
                Expr d = Derivatives.of(b, t).orElseThrow(() -> unsupported(a, "no derivative for " + b.spelling()));
                return back(t, Alg.mul(g, d));
            }
            if (b == Builtin.SIGN) return null; // derivative 0 almost everywhere
            return back(t, entrywise(t.shape(), (i, j) -> {
                Expr ti = entry(t, i, j);
                Expr d = Derivatives.of(b, ti).orElseThrow(() -> unsupported(a, "no derivative for " + b.spelling()));
                return Alg.mul(d, entry(g, i, j));
            }));
        }
        switch (b) {
            case SUM: {
                Expr t = a.args().get(0);
                return back(t, Alg.mul(g, Entries.ones(t.shape().rows(), freshIndex())));
            }
            case TRACE: {
                Expr t = a.args().get(0);
                return back(t, Alg.mul(g, new Identity(t.shape().rows(), Pos.NONE)));
            }
            case SOFTMAX: {
                Expr u = a.args().get(0);
                Sym i = freshIndex();
                Expr hadamard = Entries.vector(i, u.shape().rows(), Alg.mul(entry(a, i, null), entry(g, i, null)));
                Expr proj = Alg.mul(a, Alg.mul(Alg.transpose(a), g));
                return back(u, Alg.add(hadamard, Alg.neg(proj)));
            }
            case LOGSUMEXP: {
                // d logsumexp(u) = <softmax(u), du>
                Expr u = a.args().get(0);
                return back(u, Alg.mul(g, Apply.of(Builtin.SOFTMAX, u)));
            }
            case MAX: case MIN: return backMaxMin(a, b, g);
            case HADAMARD: case EDIVIDE: return backEntrywise(a, b, g);
            case DIAG: {
                // <G, diag(v)> = sum_i G_ii v_i: the adjoint of v is the diagonal of G
                Expr v = a.args().get(0);
                Sym i = freshIndex();
                return back(v, Entries.vector(i, v.shape().rows(), entry(g, i, i)));
            }
            case ARGMAX:
                throw unsupported(a, "argmax is an index, piecewise constant: it has no gradient rule");
            case SV:
                throw unsupported(a, "the singular values have no gradient rule here (they are not differentiable"
                        + " where two coincide or one is 0); write the objective without sv");
            case LOWRANK:
                throw unsupported(a, "the truncated SVD lowrank(X, r) has no gradient rule here (it is not"
                        + " differentiable where sigma_r = sigma_(r+1), and r is an integer)");
            default: throw unsupported(a, "no rule for " + b.spelling());
        }
    }

    private Expr backMaxMin(Apply a, Builtin b, Expr g) {
        if (a.args().size() == 1) {
            // min(v)/max(v) of a vector: the adjoint goes to the entries that attain it,
            // [v_i = min(v)] (almost everywhere: a tie has no derivative)
            Expr v = a.args().get(0);
            Sym i = freshIndex();
            Expr entryAdj = Alg.mul(g, bracket(RelOp.EQ, entry(v, i, null), a));
            return back(v, Entries.vector(i, v.shape().rows(), entryAdj));
        }
        Expr p = a.args().get(0), q = a.args().get(1);
        if (a.shape().isMatrix()) throw unsupported(a, b.spelling() + " of matrices has no gradient rule here");
        RelOp first = b == Builtin.MAX ? RelOp.GE : RelOp.LE; // ties go to the first argument
        RelOp second = b == Builtin.MAX ? RelOp.GT : RelOp.LT;
        List<Expr> cs = new ArrayList<>();
        if (a.isScalar()) {
            cs.add(back(p, Alg.mul(g, bracket(first, p, q))));
            cs.add(back(q, Alg.mul(g, bracket(second, q, p))));
            return sum(cs);
        }
        Dim n = a.shape().rows();
        for (int k = 0; k < 2; k++) {
            Expr me = k == 0 ? p : q, other = k == 0 ? q : p;
            RelOp op = k == 0 ? first : second;
            if (!depends(me)) continue;
            Sym i = freshIndex();
            Expr entryAdj = Alg.mul(entry(g, i, null), bracket(op, entry(me, i, null), entry(other, i, null)));
            // a scalar argument is broadcast: its adjoint is the sum of the entries' adjoints
            Expr adj = me.isScalar()
                    ? new Sum(i, Num.ONE, Alg.dim(n), entryAdj, Pos.NONE)
                    : Entries.vector(i, n, entryAdj);
            cs.add(back(me, adj));
        }
        return sum(cs);
    }

    /**
     * x .* y and x ./ y: entry by entry, d(x_i y_i) = y_i dx_i + x_i dy_i and
     * d(x_i / y_i) = dx_i / y_i − x_i dy_i / y_i²; a scalar side is broadcast (its adjoint sums the entries').
     */
    private Expr backEntrywise(Apply a, Builtin b, Expr g) {
        Expr p = a.args().get(0), q = a.args().get(1);
        if (a.shape().isMatrix()) throw unsupported(a, "the entrywise " + b.infix() + " of matrices has no gradient rule here");
        List<Expr> cs = new ArrayList<>();
        if (a.isScalar()) {
            Expr inv = new Pow(q, Num.MINUS_ONE, Pos.NONE);
            if (b == Builtin.HADAMARD) {
                cs.add(back(p, Alg.mul(g, q)));
                cs.add(back(q, Alg.mul(g, p)));
            } else {
                cs.add(back(p, Alg.mul(g, inv)));
                cs.add(back(q, Alg.neg(Alg.mul(g, p, new Pow(q, Num.of(-2), Pos.NONE)))));
            }
            return sum(cs);
        }
        Dim n = a.shape().rows();
        for (int k = 0; k < 2; k++) {
            Expr me = k == 0 ? p : q;
            if (!depends(me)) continue;
            Sym i = freshIndex();
            Expr pi = entry(p, i, null), qi = entry(q, i, null), gi = entry(g, i, null);
            Expr local;
            if (b == Builtin.HADAMARD) local = k == 0 ? qi : pi;
            else local = k == 0 ? new Pow(qi, Num.MINUS_ONE, Pos.NONE) : Alg.neg(Alg.mul(pi, new Pow(qi, Num.of(-2), Pos.NONE)));
            Expr entryAdj = Alg.mul(gi, local);
            Expr adj = me.isScalar() ? new Sum(i, Num.ONE, Alg.dim(n), entryAdj, Pos.NONE) : Entries.vector(i, n, entryAdj);
            cs.add(back(me, adj));
        }
        return sum(cs);
    }

    private static Expr bracket(RelOp op, Expr l, Expr r) {
        return new Iverson(List.of(new Relation(op, l, r, Pos.NONE)), Pos.NONE);
    }

    private interface EntryFn { Expr at(Sym i, Sym j); }

    /** The vector or matrix of the given shape whose (i[, j]) entry is fn(i, j). */
    private Expr entrywise(Shape shape, EntryFn fn) {
        Sym i = freshIndex();
        if (shape instanceof Shape.Vector v) return Entries.vector(i, v.n(), fn.at(i, null));
        Sym j = freshIndex();
        return Entries.matrix(i, j, shape.rows(), shape.cols(), fn.at(i, j));
    }

    /** Entry (i) or (i, j) of v; a scalar is its own entry (broadcast). */
    private static Expr entry(Expr v, Expr i, Expr j) {
        if (v.isScalar()) return v;
        List<Expr> idx = j == null ? List.of(i) : List.of(i, j);
        return new Index(v, idx, Pos.NONE);
    }

    private Expr backIndex(Index ix, Expr g) {
        for (Expr i : ix.indices()) if (depends(i)) throw unsupported(ix, "an index depends on " + x.name());
        Expr base = ix.base();
        Shape s = base.shape();
        List<Expr> idx = ix.indices();
        Expr adj;
        if (s instanceof Shape.Vector v) {
            adj = Alg.mul(g, Entries.unit(v.n(), idx.get(0)));
        } else if (idx.size() == 2) {
            adj = Alg.mul(g, Entries.unit(s.rows(), idx.get(0)), Alg.transpose(Entries.unit(s.cols(), idx.get(1))));
        } else {
            adj = Alg.mul(Entries.unit(s.rows(), idx.get(0)), Alg.transpose(g));
        }
        return back(base, adj);
    }

    private Expr backSum(Sum s, Expr g) {
        if (depends(s.lo()) || depends(s.hi())) throw unsupported(s, "the bounds depend on " + x.name());
        if (Exprs.mentions(g, s.index().name())) {
            // the adjoint mentions an outer index of the same name: rename ours
            Sym fresh = freshIndex();
            s = new Sum(fresh, s.lo(), s.hi(), Exprs.substitute(s.body(), s.index(), fresh), s.pos());
        }
        Expr c = back(s.body(), g);
        return c == null ? null : new Sum(s.index(), s.lo(), s.hi(), c, Pos.NONE);
    }

    private Expr backPiecewise(Piecewise p, Expr g) {
        List<Piecewise.Arm> arms = new ArrayList<>();
        boolean any = false;
        for (Piecewise.Arm a : p.arms()) {
            Expr c = back(a.value(), g);
            any |= c != null;
            arms.add(new Piecewise.Arm(c == null ? Alg.zeroLike(x) : c, a.guard()));
        }
        return any ? new Piecewise(arms, Pos.NONE) : null;
    }

    // ------------------------------------------------------------------ names

    private Sym freshIndex() { return indices.next(); }

    private static boolean mentionsRandom(Expr e) {
        if (e instanceof Sym s && s.kind() == SymKind.RANDOM) return true;
        for (Expr c : e.children()) if (mentionsRandom(c)) return true;
        return false;
    }
}
