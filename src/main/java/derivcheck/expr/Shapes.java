package derivcheck.expr;

import java.util.List;

/** Shape rules shared by the node constructors. */
final class Shapes {
    private Shapes() {}

    static Shape sum(List<Expr> terms, Pos pos) {
        Shape s = terms.get(0).shape();
        for (Expr t : terms) {
            if (!t.shape().equals(s)) {
                String hint = s.isMatrix() && t.shape().isScalar() || s.isScalar() && t.shape().isMatrix()
                        ? " (a scalar is added entrywise only to a vector; for c*I write c*eye(n))" : "";
                throw new ShapeException("cannot add a " + describe(s) + " and a " + describe(t.shape()) + hint, pos);
            }
        }
        return s;
    }

    static Shape product(List<Expr> factors, Pos pos) {
        Shape acc = null; // the matrix-like running product; null while only scalars were seen
        for (Expr f : factors) {
            Shape s = f.shape();
            if (s.isScalar()) continue;
            if (acc == null) { acc = s; continue; }
            if (!acc.cols().equals(s.rows())) {
                String hint = acc.isVector() && s.isVector() ? "; for an inner product write <a, b> or a'*b" : "";
                throw new ShapeException("not conformable: " + describe(acc) + " times " + describe(s) + hint, pos);
            }
            acc = Shape.of(acc.rows(), s.cols());
            if (acc.isScalar()) acc = null; // a 1x1 product (a'b) is a scalar and scales what follows
        }
        return acc == null ? Shape.SCALAR : acc;
    }

    static Shape apply(Func fn, List<Expr> args, Pos pos) {
        if (fn instanceof UserFunc u) {
            if (args.size() != 1 || !args.get(0).isScalar()) {
                throw new ShapeException(u.name() + " is a scalar function of one scalar argument", pos);
            }
            return Shape.SCALAR;
        }
        Builtin b = (Builtin) fn;
        if (b.arity() == 1 && args.size() != 1) {
            throw new ShapeException(b.spelling() + " takes one argument, not " + args.size(), pos);
        }
        if (b.arity() == 2 && args.size() != 2) {
            throw new ShapeException(b.spelling() + " takes two arguments, not " + args.size()
                    + (b == Builtin.LOWRANK ? ": lowrank(X, r)" : ""), pos);
        }
        if (b.arity() == -1 && (args.isEmpty() || args.size() > 2)) {
            throw new ShapeException(b.spelling() + " takes one vector or two arguments", pos);
        }
        Shape s = args.get(0).shape();
        switch (b) {
            case SOFTMAX:
                if (!s.isVector()) throw new ShapeException("softmax needs a vector, not " + describe(s), pos);
                return s;
            case LOGSUMEXP:
                if (!s.isVector()) throw new ShapeException("logsumexp(x) needs a vector, not " + describe(s), pos);
                return Shape.SCALAR;
            case SUM:
                if (!s.isVector()) throw new ShapeException("sum(x) needs a vector, not " + describe(s), pos);
                return Shape.SCALAR;
            case ARGMAX:
                if (!s.isVector()) throw new ShapeException("argmax(x) needs a vector, not " + describe(s), pos);
                return Shape.SCALAR;
            case TRACE:
                if (!(s instanceof Shape.Matrix m) || !m.rows().equals(m.cols())) {
                    throw new ShapeException("trace needs a square matrix, not a " + describe(s), pos);
                }
                return Shape.SCALAR;
            case SV:
                if (!(s instanceof Shape.Matrix m)) {
                    throw new ShapeException("sv needs a matrix, not a " + describe(s), pos);
                }
                return new Shape.Vector(m.cols());
            case LOWRANK: {
                if (!(s instanceof Shape.Matrix)) {
                    throw new ShapeException("lowrank(X, r) needs a matrix X, not a " + describe(s), pos);
                }
                Expr r = args.get(1);
                if (!r.isScalar()) {
                    throw new ShapeException("lowrank(X, r) needs a scalar rank r, not a " + describe(r.shape()), pos);
                }
                if (r instanceof Num n && !(n.value().isInteger() && n.value().signum() > 0)) {
                    throw new ShapeException("lowrank(X, r) needs a positive integer rank r, not " + n.value(), pos);
                }
                return s;
            }
            case DIAG:
                if (!(s instanceof Shape.Vector v)) throw new ShapeException("diag needs a vector, not a " + describe(s), pos);
                return new Shape.Matrix(v.n(), v.n());
            case HADAMARD: case EDIVIDE: {
                Shape t = args.get(1).shape();
                if (s.equals(t) || t.isScalar()) return s;
                if (s.isScalar()) return t;
                throw new ShapeException("the entrywise " + (b == Builtin.HADAMARD ? "product .*" : "quotient ./")
                        + " needs two of one shape, not a " + describe(s) + " and a " + describe(t), pos);
            }
            case MAX: case MIN:
                if (args.size() == 1) {
                    if (!s.isVector()) throw new ShapeException(b.spelling() + " of one argument needs a vector", pos);
                    return Shape.SCALAR;
                }
                Shape t = args.get(1).shape();
                if (s.equals(t) || t.isScalar()) return s;
                if (s.isScalar()) return t;
                throw new ShapeException(b.spelling() + " of a " + describe(s) + " and a " + describe(t), pos);
            default:
                return s;
        }
    }

    static String describe(Shape s) {
        if (s instanceof Shape.Vector v) return "vector in R^" + wrap(v.n());
        if (s instanceof Shape.Matrix m && m.rows().equals(Dim.ONE)) return "row vector in R^(1x" + m.cols() + ")";
        if (s instanceof Shape.Matrix m) return "matrix in R^(" + m.rows() + "x" + m.cols() + ")";
        return "scalar";
    }

    private static String wrap(Dim d) {
        String t = d.toString();
        return t.matches("[A-Za-z0-9_]+") ? t : "(" + t + ")";
    }
}
