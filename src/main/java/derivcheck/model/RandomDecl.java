package derivcheck.model;

import derivcheck.expr.Sym;
import java.util.Optional;

/** A random symbol and its distribution. */
public record RandomDecl(Sym sym, Distribution distribution, Optional<Domain> domain, Optional<String> latex) {}
