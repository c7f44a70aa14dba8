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
        List<Points> points) {

    /** A problem without grading points (the points clause is optional and only grading reads it). */
    public Problem(String name, String title, String source, Optional<String> statement, String file, Pos pos,
                   List<DimDecl> dims, List<SymbolDecl> givens, List<SymbolDecl> unknowns, List<FunctionDecl> functions,
                   List<RandomDecl> randoms, List<Relation> assumptions, List<LetDef> lets, Optional<Objective> objective,
                   List<Constraint> constraints, List<Expr> targets, List<SuchThat> conditions, List<SolveFor> solves,
                   List<Claim> shows, List<Claim> expects, List<Mistake> mistakes) {
        this(name, title, source, statement, file, pos, dims, givens, unknowns, functions, randoms, assumptions, lets,
                objective, constraints, targets, conditions, solves, shows, expects, mistakes, List.of());
    }

    public Problem {
        points = List.copyOf(points);
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
