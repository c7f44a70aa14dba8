package derivcheck.cas;

import derivcheck.expr.Expr;
import derivcheck.expr.Iverson;
import derivcheck.expr.Norm;
import derivcheck.expr.Sym;
import derivcheck.expr.SymKind;
import derivcheck.expr.Variance;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The names of one translation: every user symbol, opaque atom and user function gets a fresh
 * Symja symbol with a meaningless internal name ({@code v$3}, {@code a$1}, {@code f$2}), so no user
 * name can be captured by a Symja built-in ({@code beta}, {@code gamma}, {@code E}, {@code I},
 * {@code D}, {@code N}, {@code C}, ...) and upper/lower case never collide. The symbols are
 * Symja "dummy" symbols: they live in no context, so nothing leaks between engines or calls.
 * Not thread-safe; one table per call.
 */
final class SymbolTable {
    private final Map<Expr, ISymbol> byExpr = new LinkedHashMap<>();
    private final Map<ISymbol, Expr> back = new HashMap<>();
    private final Map<String, ISymbol> functions = new LinkedHashMap<>();
    private final Map<ISymbol, String> functionNames = new HashMap<>();
    /** Atoms made from the non-scalar factors of a scalar product; mapped back they are flattened. */
    private final Set<ISymbol> productAtoms = new HashSet<>();
    private int counter;

    static { SymjaRuntime.ensureStarted(); }

    /** The Symja symbol of a scalar user symbol. */
    ISymbol symbol(Sym s) {
        return byExpr.computeIfAbsent(s, k -> fresh("v", k));
    }

    /** The Symja symbol standing for an opaque scalar subexpression; equal expressions share one. */
    ISymbol atom(Expr e) {
        return byExpr.computeIfAbsent(e, k -> fresh("a", k));
    }

    /** Like {@link #atom} for the non-scalar chain of a scalar product. */
    ISymbol productAtom(Expr e) {
        ISymbol s = atom(e);
        productAtoms.add(s);
        return s;
    }

    /** The Symja head standing for a user function (all derivative orders share it). */
    ISymbol function(String name) {
        return functions.computeIfAbsent(name, n -> {
            ISymbol s = F.Dummy("f$" + (++counter));
            functionNames.put(s, n);
            return s;
        });
    }

    private ISymbol fresh(String prefix, Expr e) {
        ISymbol s = F.Dummy(prefix + "$" + (++counter));
        back.put(s, e);
        return s;
    }

    Optional<Expr> exprOf(IExpr symbol) {
        return symbol instanceof ISymbol s ? Optional.ofNullable(back.get(s)) : Optional.empty();
    }

    Optional<String> functionName(IExpr symbol) {
        return symbol instanceof ISymbol s ? Optional.ofNullable(functionNames.get(s)) : Optional.empty();
    }

    boolean isProductAtom(IExpr symbol) { return symbol instanceof ISymbol s && productAtoms.contains(s); }

    /** The expressions that became atoms or symbols, in order of first use. */
    Map<Expr, ISymbol> entries() { return Map.copyOf(byExpr); }

    /**
     * Facts every entry carries by construction: real; a dimension is a positive integer, an index
     * an integer; a norm or variance is nonnegative; an Iverson bracket lies in [0, 1].
     */
    List<IExpr> implicitFacts() {
        List<IExpr> out = new ArrayList<>();
        for (var e : byExpr.entrySet()) {
            Expr x = e.getKey();
            ISymbol s = e.getValue();
            out.add(F.Element(s, S.Reals));
            if (x instanceof Sym sym && sym.kind() == SymKind.DIM) {
                out.add(F.Element(s, S.Integers));
                out.add(F.Greater(s, F.C0));
            } else if (x instanceof Sym sym && sym.kind() == SymKind.INDEX) {
                out.add(F.Element(s, S.Integers));
            } else if (x instanceof Norm || x instanceof Variance) {
                out.add(F.GreaterEqual(s, F.C0));
            } else if (x instanceof Iverson) {
                out.add(F.GreaterEqual(s, F.C0));
                out.add(F.LessEqual(s, F.C1));
            }
        }
        return out;
    }
}
