package derivcheck.model;

import derivcheck.expr.Expr;
import derivcheck.expr.Sym;
import java.util.Optional;

/**
 * A declared given or unknown: its symbol (name, shape, kind), an optional domain, the LaTeX
 * name the sheet uses, and for a defined given (`given g = grad(L, y)`) its definition.
 */
public record SymbolDecl(Sym sym, Optional<Domain> domain, Optional<String> latex, Optional<Expr> definition) {
    public String name() { return sym.name(); }
}
