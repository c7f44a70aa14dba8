package derivcheck.calculus;

import derivcheck.expr.Apply;
import derivcheck.expr.Builtin;
import derivcheck.expr.Const;
import derivcheck.expr.Expr;
import derivcheck.expr.Iverson;
import derivcheck.expr.Num;
import derivcheck.expr.Pos;
import derivcheck.expr.RelOp;
import derivcheck.expr.Relation;
import java.util.List;
import java.util.Optional;

/** Derivatives of the scalar (entrywise) built-ins, as expressions in their argument. */
public final class Derivatives {
    private Derivatives() {}

    /**
     * f'(t) for an entrywise built-in f at the scalar t, or empty if f has no rule (not
     * entrywise). Where f has kinks the derivative is the almost-everywhere one:
     * abs' = sign, sign' = 0, relu' = [t > 0].
     */
    public static Optional<Expr> of(Builtin f, Expr t) {
        Expr d = switch (f) {
            case LOG -> Alg.inverse(t);
            case EXP -> Apply.of(Builtin.EXP, t);
            case SQRT -> Alg.mul(Num.of(1, 2), Alg.inverse(Apply.of(Builtin.SQRT, t)));
            case SIGN -> Num.ZERO;
            case ABS -> Apply.of(Builtin.SIGN, t);
            case SIGMOID -> {
                Expr s = Apply.of(Builtin.SIGMOID, t);
                yield Alg.mul(s, Alg.add(Num.ONE, Alg.neg(s)));
            }
            case LOGIT -> Alg.mul(Alg.inverse(t), Alg.inverse(Alg.add(Num.ONE, Alg.neg(t))));
            case TANH -> Alg.add(Num.ONE, Alg.neg(Alg.pow(Apply.of(Builtin.TANH, t), 2)));
            case RELU -> new Iverson(List.of(new Relation(RelOp.GT, t, Num.ZERO, Pos.NONE)), Pos.NONE);
            case SIN -> Apply.of(Builtin.COS, t);
            case COS -> Alg.neg(Apply.of(Builtin.SIN, t));
            case COSH -> Apply.of(Builtin.SINH, t);
            case SINH -> Apply.of(Builtin.COSH, t);
            case TAN -> Alg.add(Num.ONE, Alg.pow(Apply.of(Builtin.TAN, t), 2));
            case ATAN -> Alg.inverse(Alg.add(Num.ONE, Alg.pow(t, 2)));
            case SOFTPLUS -> Apply.of(Builtin.SIGMOID, t);
            case LOG1P -> Alg.inverse(Alg.add(Num.ONE, t));
            // erf'(t) = 2/sqrt(pi) e^(-t^2)
            case ERF -> Alg.mul(Num.of(2), Alg.inverse(Apply.of(Builtin.SQRT, Const.PI)), Apply.of(Builtin.EXP, Alg.neg(Alg.pow(t, 2))));
            case NORMCDF -> Apply.of(Builtin.NORMPDF, t);
            case NORMPDF -> Alg.neg(Alg.mul(t, Apply.of(Builtin.NORMPDF, t)));
            default -> null;
        };
        return Optional.ofNullable(d);
    }
}
