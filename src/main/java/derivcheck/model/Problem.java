package derivcheck.model;

import derivcheck.expr.Expr;
import derivcheck.expr.Pos;
import derivcheck.expr.Relation;
import derivcheck.expr.Sym;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** One exercise, resolved and shape-checked: what is given, what is asked, what is expected. */
public record Problem(
        String name,
        String title,
        String source,
        Optional<String> statement,
        String file,
        Pos pos,
        List<DimDecl> dims,
        List<SymbolDecl> givens,
        List<SymbolDecl> unknowns,
        List<FunctionDecl> functions,
        List<RandomDecl> randoms,
        List<Relation> assumptions,
        List<LetDef> lets,
        Optional<Objective> objective,
        List<Constraint> constraints,
        List<Expr> targets,
        List<SuchThat> conditions,
        List<SolveFor> solves,
        List<Claim> shows,
        List<Claim> expects,
        List<Mistake> mistakes,
        List<MatrixFact> matrixFacts) {

    /** A problem without declared matrix properties. */
    public Problem(String name, String title, String source, Optional<String> statement, String file, Pos pos,
            List<DimDecl> dims, List<SymbolDecl> givens, List<SymbolDecl> unknowns, List<FunctionDecl> functions,
            List<RandomDecl> randoms, List<Relation> assumptions, List<LetDef> lets, Optional<Objective> objective,
            List<Constraint> constraints, List<Expr> targets, List<SuchThat> conditions, List<SolveFor> solves,
            List<Claim> shows, List<Claim> expects, List<Mistake> mistakes) {
        this(name, title, source, statement, file, pos, dims, givens, unknowns, functions, randoms, assumptions, lets,
                objective, constraints, targets, conditions, solves, shows, expects, mistakes, List.of());
    }

    public Problem {
        matrixFacts = List.copyOf(matrixFacts);
        dims = List.copyOf(dims);
        givens = List.copyOf(givens);
        unknowns = List.copyOf(unknowns);
        functions = List.copyOf(functions);
        randoms = List.copyOf(randoms);
        assumptions = List.copyOf(assumptions);
        lets = List.copyOf(lets);
        constraints = List.copyOf(constraints);
        targets = List.copyOf(targets);
        conditions = List.copyOf(conditions);
        solves = List.copyOf(solves);
        shows = List.copyOf(shows);
        expects = List.copyOf(expects);
        mistakes = List.copyOf(mistakes);
    }

    /** The same problem with other expects (e.g. a checked answer's). */
    public Problem withExpects(List<Claim> newExpects) {
        return new Problem(name, title, source, statement, file, pos, dims, givens, unknowns, functions, randoms,
                assumptions, lets, objective, constraints, targets, conditions, solves, shows, newExpects, mistakes,
                matrixFacts);
    }

    /** The properties declared for a matrix, closed under implication (PD gives symmetric, …). */
    public java.util.Set<MatrixProperty> properties(String matrix) {
        java.util.Set<MatrixProperty> out = java.util.EnumSet.noneOf(MatrixProperty.class);
        for (MatrixFact f : matrixFacts) if (f.sym().name().equals(matrix)) out.addAll(f.property().closure());
        if (out.contains(MatrixProperty.DIAGONAL) && out.contains(MatrixProperty.POSITIVE_DEFINITE)) {
            out.add(MatrixProperty.INVERTIBLE);
        }
        return out;
    }

    public boolean has(Sym matrix, MatrixProperty p) { return properties(matrix.name()).contains(p); }

    /** H ≻ 0 is declared (directly, or as `diagonal positive definite`). */
    public boolean isPositiveDefinite(Sym matrix) { return has(matrix, MatrixProperty.POSITIVE_DEFINITE); }

    /** H ⪰ 0 is declared (or implied by H ≻ 0). */
    public boolean isPositiveSemidefinite(Sym matrix) { return has(matrix, MatrixProperty.POSITIVE_SEMIDEFINITE); }

    /** Hᵀ = H is declared (or implied: PD, PSD, diagonal). */
    public boolean isSymmetric(Sym matrix) { return has(matrix, MatrixProperty.SYMMETRIC); }

    public boolean isDiagonal(Sym matrix) { return has(matrix, MatrixProperty.DIAGONAL); }

    /** H⁻¹ exists (declared invertible, or H ≻ 0). */
    public boolean isInvertible(Sym matrix) { return has(matrix, MatrixProperty.INVERTIBLE); }

    /** X has full column rank (so XᵀX ≻ 0 and is invertible). */
    public boolean hasFullColumnRank(Sym matrix) { return has(matrix, MatrixProperty.FULL_COLUMN_RANK); }

    /** The expression with the transposes of declared-symmetric matrices dropped (Hᵀ = H, (H⁻¹)ᵀ = H⁻¹). */
    public Expr withSymmetry(Expr e) { return Symmetry.apply(this, e); }

    /** Every declared symbol of a value (dims, givens, unknowns, randoms, lets). */
    public Stream<Sym> symbols() {
        return Stream.of(
                dims.stream().map(DimDecl::sym),
                givens.stream().map(SymbolDecl::sym),
                unknowns.stream().map(SymbolDecl::sym),
                randoms.stream().map(RandomDecl::sym),
                lets.stream().map(LetDef::sym)).flatMap(s -> s);
    }

    public Optional<Sym> symbol(String name) {
        return symbols().filter(s -> s.name().equals(name)).findFirst();
    }

    public Optional<LetDef> let(String name) {
        return lets.stream().filter(l -> l.sym().name().equals(name)).findFirst();
    }

    /** The LaTeX name the spec gives a symbol or function, if any. */
    public Optional<String> latexName(String name) {
        return Stream.of(
                        givens.stream().filter(d -> d.name().equals(name)).map(SymbolDecl::latex),
                        unknowns.stream().filter(d -> d.name().equals(name)).map(SymbolDecl::latex),
                        randoms.stream().filter(d -> d.sym().name().equals(name)).map(RandomDecl::latex),
                        lets.stream().filter(d -> d.sym().name().equals(name)).map(LetDef::latex),
                        functions.stream().filter(d -> d.name().equals(name)).map(FunctionDecl::latex))
                .flatMap(s -> s).flatMap(Optional::stream).findFirst();
    }
}
