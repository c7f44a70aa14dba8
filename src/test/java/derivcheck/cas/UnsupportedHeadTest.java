package derivcheck.cas;

import static org.junit.jupiter.api.Assertions.*;

import derivcheck.expr.Expr;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IExpr;

import java.util.List;

class UnsupportedHeadTest {
    @BeforeAll static void start() { SymjaRuntime.ensureStarted(); }

    @Test void headsOutsideTheWhitelistDoNotCrossBack() {
        SymbolTable table = new SymbolTable();
        FromSymja from = new FromSymja(table);
        var x = table.symbol(Ex.x("x"));
        List<IExpr> foreign = List.of(F.ArcSin(x), F.CI, F.CInfinity, F.num(0.5), F.Log(x, F.C2),
                F.Piecewise(F.list(F.list(x, F.Greater(x, F.C0))), F.Times(F.CN1, x)),
                F.Plus(x, F.ArcSinh(x)), S.True, F.Dummy("stranger"), S.$Aborted,
                F.Solve(F.list(F.Equal(x, F.C1)), F.list(x)), F.unaryAST1(F.Dummy("g"), x));
        for (IExpr e : foreign) {
            assertThrows(Unsupported.class, () -> from.expr(e), e::toString);
        }
    }

    @Test void ourSymbolsAndWhitelistedHeadsDoCrossBack() throws Unsupported {
        SymbolTable table = new SymbolTable();
        FromSymja from = new FromSymja(table);
        var x = table.symbol(Ex.x("x"));
        Expr back = from.expr(F.Plus(F.Times(F.C2, F.Sqrt(x)), F.Exp(x), S.Pi, F.QQ(1, 3), S.E));
        assertEquals(5, back.children().size());
    }
}
