package derivcheck.spec;

import static derivcheck.spec.Specs.index;
import static derivcheck.spec.Specs.parse;
import static derivcheck.spec.Specs.scalar;
import static derivcheck.spec.Specs.vector;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import derivcheck.expr.Dim;
import derivcheck.expr.Expectation;
import derivcheck.expr.Exprs;
import derivcheck.expr.Grad;
import derivcheck.expr.Index;
import derivcheck.expr.Norm;
import derivcheck.expr.NormKind;
import derivcheck.expr.Num;
import derivcheck.expr.Pos;
import derivcheck.expr.RelOp;
import derivcheck.expr.Relation;
import derivcheck.expr.Shape;
import derivcheck.expr.Sym;
import derivcheck.expr.SymKind;
import derivcheck.expr.Variance;
import derivcheck.model.Claim;
import derivcheck.model.Constraint;
import derivcheck.model.Distribution;
import derivcheck.model.Domain;
import derivcheck.model.LetDef;
import derivcheck.model.Objective;
import derivcheck.model.Problem;
import derivcheck.model.RandomDecl;
import derivcheck.model.SymbolDecl;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every item of the spec grammar reads into the expected part of the {@link Problem}. */
class SpecItemsTest {
    static final String ALL = """
            # a comment before the problem
            problem everything   # a trailing comment
              title "All forms"
              source "nowhere"
              statement "Say \\"hi\\" with \\theta"
              dim n, N >= 3, m > 1
              given x, y : vector[n] in (0, 1)   latex "x", "y"
              given A : matrix[m, n]
              given S : matrix[n, n]
              given lambda, eps : real where lambda > 0, eps > 0
              given w : real in [0, inf)
              given rho : function latex "\\rho"
              given s : vector[N]
              random z : vector[n] iid mean 0 var lambda^2 latex "z"
              random b : real bernoulli(1/2)
              random v : real in [0, 1] uniform(0, 1)
              random q : real iid normal(1, 4)
              find theta : vector[n] in [-1, 1] latex "\\theta" where eps < 1
              find alpha > 0 such that ||theta - alpha*x|| < ||x||
              find beta such that Var[<z, x>] = beta^2
              find E[<z, x>], Var[b]
              find min
              assume <x, y> = 0, ||x|| = 1
              let r_i = s_i + s_{i+2} for i in 1..N-2 latex "r"
              let t = rho(lambda) + rho'(eps)
              minimize <y, theta> + lambda/2*||theta||^2
              subject to -eps <= theta_i <= eps for all i
              subject to ||theta||_1 <= 1, ||theta|| = 1
              solve eps^2 = lambda for eps
              show trace(S + I) = trace(S) + n
              expect theta = -(y + x)/(lambda + 1)
              expect r_j = s_j + s_{j+2} for j in 1..N-2
              mistake theta = y : "wrong sign"
              mistake theta_j = y_j for j in 1..n : "wrong sign, entrywise"
            """;

    static final Problem P = parse(ALL);

    static final Sym THETA = new Sym("theta", new Shape.Vector(Dim.of("n")), SymKind.UNKNOWN, Pos.NONE);

    @Test void headersGiveNameTitleSourceAndStatementWithEscapedQuotesAndBackslashesKept() {
        assertEquals("everything", P.name());
        assertEquals("All forms", P.title());
        assertEquals("nowhere", P.source());
        assertEquals(Optional.of("Say \"hi\" with \\theta"), P.statement());
        assertEquals("test.prob", P.file());
    }

    @Test void dimItemDeclaresEachNameWithItsBoundAndMinimum() {
        assertEquals(3, P.dims().size());
        assertEquals("n", P.dims().get(0).sym().name());
        assertEquals(SymKind.DIM, P.dims().get(0).sym().kind());
        assertEquals(1, P.dims().get(0).minimum());
        assertEquals(List.of(new Relation(RelOp.GE, Specs.dim("N"), Num.of(3), Pos.NONE)), P.dims().get(1).bounds());
        assertEquals(3, P.dims().get(1).minimum());
        assertEquals(2, P.dims().get(2).minimum());
    }

    @Test void givenWithSeveralNamesSharesShapeAndDomainAndPairsLatexNamesInOrder() {
        SymbolDecl x = given("x");
        SymbolDecl y = given("y");
        assertEquals(vector("x", "n"), x.sym());
        assertEquals(vector("y", "n"), y.sym());
        Domain open01 = new Domain(Optional.of(Num.of(0)), true, Optional.of(Num.of(1)), true);
        assertEquals(Optional.of(open01), x.domain());
        assertEquals(Optional.of(open01), y.domain());
        assertEquals(Optional.of("x"), x.latex());
        assertEquals(Optional.of("y"), y.latex());
        assertEquals(Optional.empty(), x.definition());
    }

    @Test void givenMatrixHasRowsAndColumnsInTheOrderWritten() {
        assertEquals(new Shape.Matrix(Dim.of("m"), Dim.of("n")), given("A").sym().shape());
    }

    @Test void halfOpenDomainWithInfHasNoUpperBound() {
        assertEquals(Optional.of(new Domain(Optional.of(Num.of(0)), false, Optional.empty(), true)), given("w").domain());
    }

    @Test void whereClausesOfGivenAndFindBecomeAssumptionsInOrderFollowedByAssumeItems() {
        List<String> texts = P.assumptions().stream().map(derivcheck.expr.TextPrinter::print).toList();
        assertEquals(List.of("lambda > 0", "eps > 0", "eps < 1", "<x, y> = 0", "||x|| = 1"), texts);
    }

    @Test void functionItemDeclaresAFunctionWithItsLatexName() {
        assertEquals(1, P.functions().size());
        assertEquals("rho", P.functions().get(0).name());
        assertEquals(Optional.of("\\rho"), P.functions().get(0).latex());
        assertTrue(P.symbol("rho").isEmpty(), "a function is not a value symbol");
    }

    @Test void randomWithMomentsKeepsMeanVarianceAndIid() {
        RandomDecl z = random("z");
        assertEquals(SymKind.RANDOM, z.sym().kind());
        Distribution.Moments d = assertInstanceOf(Distribution.Moments.class, z.distribution());
        assertEquals(Num.of(0), d.mean());
        assertEquals(new derivcheck.expr.Pow(scalar("lambda"), Num.of(2), Pos.NONE), d.variance());
        assertTrue(d.iid());
        assertEquals(Optional.of("z"), z.latex());
    }

    @Test void randomWithNamedDistributionsKeepsFamilyAndParameters() {
        Distribution.Named b = assertInstanceOf(Distribution.Named.class, random("b").distribution());
        assertEquals(Distribution.Family.BERNOULLI, b.family());
        assertEquals(List.of(Num.of(1, 2)), b.params());
        assertFalse(b.iid());
        Distribution.Named v = assertInstanceOf(Distribution.Named.class, random("v").distribution());
        assertEquals(Distribution.Family.UNIFORM, v.family());
        assertTrue(random("v").domain().isPresent());
        Distribution.Named q = assertInstanceOf(Distribution.Named.class, random("q").distribution());
        assertEquals(Distribution.Family.NORMAL, q.family());
        assertEquals(List.of(Num.of(1), Num.of(4)), q.params());
        assertTrue(q.iid());
    }

    @Test void findVariableDeclaresAnUnknownWithDomainAndLatex() {
        SymbolDecl theta = P.unknowns().get(0);
        assertEquals("theta", theta.name());
        assertEquals(SymKind.UNKNOWN, theta.sym().kind());
        assertEquals(new Shape.Vector(Dim.of("n")), theta.sym().shape());
        assertEquals(Optional.of(new Domain(Optional.of(Num.of(-1)), false, Optional.of(Num.of(1)), false)), theta.domain());
        assertEquals(Optional.of("\\theta"), theta.latex());
    }

    @Test void findSuchThatDeclaresAScalarUnknownWithItsBoundAndCondition() {
        var alpha = P.conditions().get(0);
        assertEquals("alpha", alpha.unknown().name());
        assertEquals(SymKind.UNKNOWN, alpha.unknown().kind());
        assertEquals(List.of(new Relation(RelOp.GT, alpha.unknown(), Num.of(0), Pos.NONE)), alpha.bounds());
        assertEquals(1, alpha.condition().size());
        assertEquals(RelOp.LT, alpha.condition().get(0).op());
        var beta = P.conditions().get(1);
        assertTrue(beta.bounds().isEmpty());
        assertInstanceOf(Variance.class, beta.condition().get(0).lhs());
        assertTrue(P.unknowns().stream().anyMatch(u -> u.name().equals("beta")));
    }

    @Test void findTargetsListsEachQuantityToCompute() {
        assertEquals(3, P.targets().size());
        assertInstanceOf(Expectation.class, P.targets().get(0));
        assertEquals(new Variance(new Sym("b", Shape.SCALAR, SymKind.RANDOM, Pos.NONE), Pos.NONE), P.targets().get(1));
        assertEquals(new Sym("min", Shape.SCALAR, SymKind.OPTIMUM, Pos.NONE), P.targets().get(2));
    }

    @Test void indexedLetDefinesAVectorWhoseLengthIsTheUpperBoundAndKeepsTheEntryBody() {
        LetDef r = P.let("r").orElseThrow();
        assertEquals(new Shape.Vector(Dim.of("N").plus(Dim.of(-2))), r.sym().shape());
        assertEquals(SymKind.LET, r.sym().kind());
        assertEquals(index("i"), r.range().orElseThrow().index());
        assertEquals(Num.of(1), r.range().get().lo());
        Sym s = vector("s", "N");
        Sym i = index("i");
        assertEquals(Exprs.add(new Index(s, List.of(i), Pos.NONE),
                new Index(s, List.of(Exprs.add(i, Num.of(2))), Pos.NONE)), r.body());
        assertEquals(Optional.of("r"), r.latex());
    }

    @Test void plainLetTakesTheShapeOfItsBody() {
        LetDef t = P.let("t").orElseThrow();
        assertEquals(Shape.SCALAR, t.sym().shape());
        assertTrue(t.range().isEmpty());
    }

    @Test void minimizeKeepsSenseAndScalarObjective() {
        Objective o = P.objective().orElseThrow();
        assertEquals(Objective.Sense.MINIMIZE, o.sense());
        assertTrue(o.expr().isScalar());
        assertEquals(26, o.pos().line());
    }

    @Test void maximizeIsTheOtherSense() {
        Problem p = parse("problem p\n given a : real\n maximize -a^2\n");
        assertEquals(Objective.Sense.MAXIMIZE, p.objective().orElseThrow().sense());
    }

    @Test void constraintChainWithForAllBindsTheIndexAndSplitsTheChainIntoTwoRelations() {
        Constraint box = P.constraints().get(0);
        assertEquals(Optional.of(index("i")), box.forAll());
        assertEquals(2, box.relations().size());
        Index thetaI = new Index(THETA, List.of(index("i")), Pos.NONE);
        assertEquals(new Relation(RelOp.LE, Exprs.neg(scalar("eps")), thetaI, Pos.NONE), box.relations().get(0));
        assertEquals(new Relation(RelOp.LE, thetaI, scalar("eps"), Pos.NONE), box.relations().get(1));
    }

    @Test void subjectToWithCommasGivesOneConstraintPerCondition() {
        assertEquals(3, P.constraints().size());
        Constraint l1 = P.constraints().get(1);
        assertEquals(new Norm(THETA, NormKind.L1, Pos.NONE), l1.relations().get(0).lhs());
        assertEquals(RelOp.EQ, P.constraints().get(2).relations().get(0).op());
        assertTrue(P.constraints().get(2).forAll().isEmpty());
    }

    @Test void solveKeepsTheEquationAndTheUnknown() {
        var s = P.solves().get(0);
        assertEquals("eps", s.unknown().name());
        assertEquals(RelOp.EQ, s.equation().op());
        assertEquals(scalar("lambda"), s.equation().rhs());
    }

    @Test void showKeepsTheRelationAndItsSourceText() {
        Claim c = P.shows().get(0);
        assertEquals("trace(S + I) = trace(S) + n", c.text());
        assertEquals(30, c.pos().line());
    }

    @Test void expectWithForRangeBindsTheIndexOverTheRange() {
        Claim plain = P.expects().get(0);
        assertTrue(plain.range().isEmpty());
        assertEquals(THETA, plain.relations().get(0).lhs());
        Claim ranged = P.expects().get(1);
        assertEquals(index("j"), ranged.range().orElseThrow().index());
        assertEquals(Exprs.add(Specs.dim("N"), Num.of(-2)), ranged.range().get().hi());
        assertTrue(ranged.relations().get(0).lhs().isScalar());
    }

    @Test void mistakeKeepsTheClaimAndTheFeedback() {
        assertEquals(2, P.mistakes().size());
        assertEquals("wrong sign", P.mistakes().get(0).feedback());
        assertEquals(THETA, P.mistakes().get(0).claim().relations().get(0).lhs());
        assertTrue(P.mistakes().get(1).claim().range().isPresent());
    }

    @Test void definedGivenTakesTheShapeOfItsDefinitionAndIntroducesTheLoss() {
        Problem p = parse("""
                problem bp
                  dim N >= 3
                  given x : vector[N]
                  given a : real
                  let y_i = a*x_i for i in 1..N
                  given g = grad(L, y) latex "\\bar g"
                  find grad(L, a), grad(L, x)
                  expect grad(L, a) = sum(i = 1..N, g_i*x_i)
                """);
        SymbolDecl g = p.givens().stream().filter(d -> d.name().equals("g")).findFirst().orElseThrow();
        assertEquals(new Shape.Vector(Dim.of("N")), g.sym().shape());
        Grad def = assertInstanceOf(Grad.class, g.definition().orElseThrow());
        assertEquals(new Sym("L", Shape.SCALAR, SymKind.LOSS, Pos.NONE), def.f());
        assertEquals(Optional.of("\\bar g"), g.latex());
        assertEquals(Shape.SCALAR, p.targets().get(0).shape());
        assertEquals(new Shape.Vector(Dim.of("N")), p.targets().get(1).shape());
    }

    @Test void definitionsMayUseDefinitionsWrittenFurtherDown() {
        Problem p = parse("""
                problem bp
                  dim n
                  given x : vector[n]
                  given g = grad(L, y)
                  let z = 2*y
                  let y_i = 3*x_i for i in 1..n
                """);
        assertEquals(new Shape.Vector(Dim.of("n")), p.givens().get(1).sym().shape());
        assertEquals(new Shape.Vector(Dim.of("n")), p.let("z").orElseThrow().sym().shape());
        assertEquals(List.of("y", "z"), p.lets().stream().map(l -> l.sym().name()).toList(),
                "lets are listed in the order they can be evaluated");
    }

    @Test void whereClauseMayMentionALetWrittenFurtherDown() {
        Problem p = parse("""
                problem p
                  dim n
                  given x : vector[n] where ||x|| < r
                  let r = 2*||x||
                """);
        assertEquals(Shape.SCALAR, p.assumptions().get(0).rhs().shape());
    }

    @Test void itemsMaySpanLinesAndCommentsMaySitBetweenTheirParts() {
        Problem p = parse("""
                problem p
                  given a, b : real
                  minimize a^2     # the first part
                         + b^2     # the second part
                """);
        assertEquals(Exprs.add(new derivcheck.expr.Pow(scalar("a"), Num.of(2), Pos.NONE),
                new derivcheck.expr.Pow(scalar("b"), Num.of(2), Pos.NONE)), p.objective().orElseThrow().expr());
    }

    @Test void aProblemWithOnlyItsNameIsValid() {
        Problem p = parse("problem empty\n");
        assertEquals("empty", p.name());
        assertEquals("", p.title());
        assertTrue(p.objective().isEmpty());
    }

    private static SymbolDecl given(String name) {
        return P.givens().stream().filter(d -> d.name().equals(name)).findFirst().orElseThrow();
    }

    private static RandomDecl random(String name) {
        return P.randoms().stream().filter(d -> d.sym().name().equals(name)).findFirst().orElseThrow();
    }
}
