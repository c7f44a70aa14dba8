package derivcheck.model;

import derivcheck.expr.Pos;
import java.util.Optional;

/** A scalar function declared by the spec ({@code given rho : function}). */
public record FunctionDecl(String name, Optional<String> latex, Pos pos) {}
