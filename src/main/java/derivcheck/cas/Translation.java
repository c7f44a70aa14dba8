package derivcheck.cas;

import derivcheck.expr.Expr;
import org.matheclipse.core.basic.Config;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IASTAppendable;
import org.matheclipse.core.interfaces.IExpr;

import java.util.ArrayList;
import java.util.List;

/** One call's crossing in both directions over one {@link SymbolTable}, plus its facts. */
final class Translation {
    private final SymbolTable table = new SymbolTable();
    private final ToSymja to = new ToSymja(table);
    private final FromSymja from = new FromSymja(table);

    SymbolTable table() { return table; }

    /** The Symja form of a scalar, refused when larger than the input guard. */
    IExpr scalar(Expr e) throws Unsupported {
        IExpr x = to.scalar(e);
        long leaves = x.leafCount();
        if (leaves > Config.MAX_INPUT_LEAVES) {
            throw new Unsupported("the expression is too large for the CAS (" + leaves + " leaves; the limit is "
                    + Config.MAX_INPUT_LEAVES + ")");
        }
        return x;
    }

    Expr back(IExpr e) throws Unsupported { return from.expr(e); }

    /**
     * The assumptions as a Symja list: the stated facts, then the implicit facts of every symbol and
     * atom seen so far (so translate the expressions first). Null when there is nothing to assume.
     */
    IAST facts(Assumptions assumptions) throws Unsupported {
        List<IExpr> stated = new ArrayList<>();
        for (Assumptions.Fact f : assumptions.facts()) {
            IExpr fact = fact(f);
            if (((IAST) fact).arg1().isNumber()) continue; // a fact about a number says nothing about symbols
            stated.add(fact);
        }
        IASTAppendable list = F.ListAlloc(stated.size() + 8);
        for (IExpr x : stated) list.append(x);
        for (IExpr x : table.implicitFacts()) list.append(x);
        return list.argSize() == 0 ? null : list;
    }

    IExpr fact(Assumptions.Fact f) throws Unsupported {
        IExpr s = to.scalar(f.subject());
        if (f.kind() == Assumptions.Kind.INTEGER) return F.Element(s, S.Integers);
        IExpr b = ToSymja.number(f.bound());
        return switch (f.kind()) {
            case GREATER -> F.Greater(s, b);
            case GREATER_EQUAL -> F.GreaterEqual(s, b);
            case LESS -> F.Less(s, b);
            case LESS_EQUAL -> F.LessEqual(s, b);
            case EQUAL -> F.Equal(s, b);
            case UNEQUAL -> F.Unequal(s, b);
            case INTEGER -> F.Element(s, S.Integers);
        };
    }
}
