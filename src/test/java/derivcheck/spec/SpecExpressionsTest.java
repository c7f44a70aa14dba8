package derivcheck.spec;

import static derivcheck.spec.Specs.expr;
import static derivcheck.spec.Specs.index;
import static derivcheck.spec.Specs.matrix;
import static derivcheck.spec.Specs.scalar;
import static derivcheck.spec.Specs.vector;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import derivcheck.expr.Apply;
import derivcheck.expr.Builtin;
import derivcheck.expr.Const;
import derivcheck.expr.Dim;
import derivcheck.expr.Expectation;
import derivcheck.expr.Expr;
import derivcheck.expr.Exprs;
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
import derivcheck.expr.Transpose;
import derivcheck.expr.UserFunc;
import derivcheck.expr.Variance;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Every expression form of the spec language reads into the expected {@link Expr}. */
class SpecExpressionsTest {
    static final Sym a = scalar("a"), b = scalar("b"), c = scalar("c");
    static final Sym x = vector("x", "n"), y = vector("y", "n"), u = vector("u", "m");
    static final Sym A = matrix("A", "m", "n"), S = matrix("S", "n", "n"), W = matrix("W", "n", "n");
    static final Pos P = Pos.NONE;

    static Expr pow(Expr base, Expr exp) { return new Pow(base, exp, P); }

    static Expr recip(Expr e) { return new Pow(e, Num.MINUS_ONE, P); }

    static Expr apply(Builtin f, Expr... args) { return new Apply(f, List.of(args), P); }

    @Test void additionOfThreeTermsIsOneFlatSum() {
        assertEquals(Exprs.add(a, b, c), expr("a + b + c"));
    }

    @Test void subtractionAddsTheNegatedTermWithTheCoefficientFolded() {
        assertEquals(Exprs.add(a, Exprs.mul(Num.of(-2), b)), expr("a - 2*b"));
        assertEquals(Exprs.add(a, Exprs.mul(Num.MINUS_ONE, b)), expr("a - b"));
    }

    @Test void subtractingANegatedTermGivesBackThePlainTerm() {
        assertEquals(Exprs.add(a, b), expr("a - -b"));
    }

    @Test void constantTermsAreCollectedAtTheEndOfASum() {
        assertEquals(Exprs.add(a, Num.of(3)), expr("1 + a + 2"));
    }

    @Test void productIsOneFlatOrderedProductWithTheCoefficientFirst() {
        assertEquals(new Mul(List.of(Num.of(6), A, x), P), expr("2*A*3*x"));
    }

    @Test void divisionByAScalarIsMultiplicationByItsReciprocal() {
        assertEquals(new Mul(List.of(a, recip(b)), P), expr("a/b"));
        assertEquals(new Mul(List.of(Num.of(1, 2), a), P), expr("a/2"));
        assertEquals(recip(Exprs.add(a, b)), expr("1/(a + b)"));
    }

    @Test void powerIsRightAssociativeAndBindsTighterThanUnaryMinus() {
        assertEquals(pow(a, pow(Num.of(2), Num.of(3))), expr("a^2^3"));
        assertEquals(Exprs.mul(Num.MINUS_ONE, pow(a, Num.of(2))), expr("-a^2"));
        assertEquals(pow(a, Num.of(-1)), expr("a^-1"));
    }

    @Test void unaryMinusOfANumberIsANegativeNumberAndUnaryPlusIsDropped() {
        assertEquals(Num.of(-3), expr("-3"));
        assertEquals(a, expr("+a"));
        assertEquals(Exprs.mul(Num.of(-2), a), expr("-(2*a)"));
    }

    @Test void decimalLiteralsAreExactRationals() {
        assertEquals(Num.of(1, 2), expr("0.5"));
        assertEquals(Num.of(1, 1000), expr("1e-3"));
    }

    @Test void primeAndCaretTAreBothTheTranspose() {
        Expr t = new Transpose(x, P);
        assertEquals(t, expr("x'"));
        assertEquals(t, expr("x^T"));
        assertEquals(new Mul(List.of(t, S, x), P), expr("x^T*S*x"));
        assertEquals(new Transpose(new Transpose(A, P), P), expr("A''"));
        assertEquals(new Transpose(x, P), expr("transpose(x)"));
    }

    @Test void subscriptsIndexVectorsAndMatrices() {
        Sym i = index("i"), j = index("j");
        String sums = "sum(i = 1..n, sum(j = 1..n, %s))";
        assertEquals(new Sum(i, Num.of(1), Specs.dim("n"), new Sum(j, Num.of(1), Specs.dim("n"),
                new Index(x, List.of(i), P), P), P), expr(sums.formatted("x_i")));
        assertEquals(new Index(x, List.of(Num.of(2)), P), expr("x_2"));
        assertEquals(new Index(x, List.of(Exprs.add(i, Num.of(2))), P),
                ((Sum) ((Sum) expr(sums.formatted("x_{i+2}"))).body()).body());
        assertEquals(new Index(W, List.of(i, j), P), ((Sum) ((Sum) expr(sums.formatted("W_{i,j}"))).body()).body());
        assertEquals(new Index(W, List.of(i), P), ((Sum) ((Sum) expr(sums.formatted("<W_i, x>"))).body()).body()
                .children().get(0));
        assertEquals(new Index(x, List.of(i), P), ((Sum) ((Sum) expr(sums.formatted("x[i]"))).body()).body());
    }

    @Test void normsOfEveryKind() {
        assertEquals(new Norm(x, NormKind.L2, P), expr("||x||"));
        assertEquals(new Norm(x, NormKind.L2, P), expr("||x||_2"));
        assertEquals(new Norm(x, NormKind.L1, P), expr("||x||_1"));
        assertEquals(new Norm(x, NormKind.LINF, P), expr("||x||_inf"));
        assertEquals(new Norm(A, NormKind.FROBENIUS, P), expr("||A||_F"));
        assertEquals(new Norm(A, NormKind.FROBENIUS, P), expr("||A||"), "the 2-norm of a matrix is read as Frobenius");
        assertEquals(pow(new Norm(Exprs.sub(x, y), NormKind.L2, P), Num.of(2)), expr("||x - y||^2"));
    }

    @Test void absoluteValueBarsAreTheAbsFunction() {
        assertEquals(apply(Builtin.ABS, Exprs.sub(a, b)), expr("|a - b|"));
    }

    @Test void innerProductOfTwoVectors() {
        assertEquals(new Inner(x, Exprs.mul(Num.of(2), y), P), expr("<x, 2*y>"));
    }

    @ParameterizedTest(name = "builtin {0} applies to its argument")
    @CsvSource({"log", "exp", "sqrt", "sign", "abs", "sigmoid", "logit", "tanh", "relu", "sin", "cos"})
    void everyScalarBuiltinIsAnApplyOfThatBuiltin(String name) {
        Builtin f = Builtin.bySpelling(name).orElseThrow();
        assertEquals(apply(f, a), expr(name + "(a)"));
        assertEquals(new Shape.Vector(Dim.of("n")), expr(name + "(x)").shape(), "entrywise on a vector");
    }

    @Test void vectorBuiltinsAndAliases() {
        assertEquals(apply(Builtin.SOFTMAX, x), expr("softmax(x)"));
        assertEquals(apply(Builtin.SUM, x), expr("sum(x)"));
        assertEquals(apply(Builtin.TRACE, S), expr("trace(S)"));
        assertEquals(apply(Builtin.TRACE, S), expr("tr(S)"));
        assertEquals(apply(Builtin.LOG, a), expr("ln(a)"));
        assertEquals(apply(Builtin.SIGN, a), expr("sgn(a)"));
        assertEquals(apply(Builtin.MAX, x), expr("max(x)"));
        assertEquals(Shape.SCALAR, expr("min(x)").shape());
        assertEquals(apply(Builtin.MAX, x, Num.of(0)), expr("max(x, 0)"));
        assertEquals(x.shape(), expr("min(a, x)").shape());
    }

    @Test void declaredFunctionAndItsDerivative() {
        assertEquals(new Apply(new UserFunc("rho", 0), List.of(a), P), expr("rho(a)"));
        assertEquals(new Apply(new UserFunc("rho", 1), List.of(Exprs.mul(Num.of(2), a)), P), expr("rho'(2*a)"));
    }

    @Test void inverseAndIdentityMatrices() {
        assertEquals(new Mul(List.of(new Inverse(S, P), x), P), expr("inv(S)*x"));
        assertEquals(new Identity(Dim.of("n"), P), expr("eye(n)"));
        assertEquals(new Identity(Dim.of("N").plus(Dim.of(-2)), P), expr("eye(N-2)"));
    }

    @Test void identityWithoutSizeTakesItsSizeFromTheSumOrProductItSitsIn() {
        assertEquals(Exprs.add(S, new Identity(Dim.of("n"), P)), expr("S + I"));
        assertEquals(new Mul(List.of(new Identity(Dim.of("n"), P), x), P), expr("I*x"));
        assertEquals(Exprs.add(new Mul(List.of(new Transpose(A, P), A), P),
                Exprs.mul(a, new Identity(Dim.of("n"), P))), expr("A'*A + a*I"));
        assertEquals(new Inverse(Exprs.add(new Identity(Dim.of("m"), P), new Mul(List.of(A, new Transpose(A, P)), P)), P),
                expr("inv(I + A*A')"));
    }

    @Test void indexSumBindsItsIndexOverTheRange() {
        Sym i = index("i");
        assertEquals(new Sum(i, Num.of(1), Specs.dim("n"), Exprs.mul(a, new Index(x, List.of(i), P)), P),
                expr("sum(i = 1..n, a*x_i)"));
    }

    @Test void casesKeepArmsInOrderWithOtherwiseAsTheEmptyGuard() {
        Piecewise p = assertInstanceOf(Piecewise.class, expr("cases(a if a > 0, 0 if -1 <= a <= 0, -a otherwise)"));
        assertEquals(3, p.arms().size());
        assertEquals(List.of(new Relation(RelOp.GT, a, Num.of(0), P)), p.arms().get(0).guard());
        assertEquals(2, p.arms().get(1).guard().size(), "a chain is two relations");
        assertEquals(List.of(), p.arms().get(2).guard());
        assertEquals(Exprs.neg(a), p.arms().get(2).value());
    }

    @Test void iversonBracketIsOneWhereTheConditionHolds() {
        Sym i = index("i"), j = index("j");
        Expr e = expr("sum(i = 1..n, sum(j = 1..n, x_i*[j = i]))");
        Expr inner = ((Sum) ((Sum) e).body()).body();
        assertEquals(Exprs.mul(new Index(x, List.of(i), P), new Iverson(List.of(new Relation(RelOp.EQ, j, i, P)), P)), inner);
    }

    @Test void expectationAndVarianceUseSquareBrackets() {
        assertEquals(new Expectation(Exprs.mul(a, b), P), expr("E[a*b]"));
        assertEquals(new Variance(new Inner(x, y, P), P), expr("Var[<x, y>]"));
    }

    @Test void piIsTheConstant() {
        assertEquals(Exprs.mul(Num.of(2), new Const("pi", P)), expr("2*pi"));
    }

    @Test void parenthesesOnlyGroup() {
        assertEquals(Exprs.mul(Exprs.add(a, b), c), expr("(a + b)*c"));
        assertEquals(Exprs.add(a, Exprs.mul(b, c)), expr("(a + (b*c))"));
    }

    @Test void relationalOperatorsOfEveryKind() {
        var p = Specs.parse(Specs.DECLS + "  assume a = b, a == b, a != b, a < b, a <= b, a > b, a >= b\n");
        assertEquals(List.of(RelOp.EQ, RelOp.EQ, RelOp.NE, RelOp.LT, RelOp.LE, RelOp.GT, RelOp.GE),
                p.assumptions().stream().map(Relation::op).toList());
    }

    @Test void comparingAVectorWithAScalarIsEntrywise() {
        var p = Specs.parse(Specs.DECLS + "  assume x >= 0\n");
        assertEquals(new Relation(RelOp.GE, x, Num.of(0), P), p.assumptions().get(0));
    }
}
