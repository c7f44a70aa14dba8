package derivcheck.model;

import derivcheck.expr.Expr;
import derivcheck.expr.Pos;
import derivcheck.expr.Sym;
import java.util.Optional;

/**
 * A definition. Plain: {@code let a = theta_t - eps*g}. Indexed: {@code let y_i = … for i in 1..N-2}
 * defines the vector y entry by entry; the body is the entry at index {@code range.index()}.
 */
public record LetDef(Sym sym, Optional<IndexRange> range, Expr body, Optional<String> latex, Pos pos) {}
