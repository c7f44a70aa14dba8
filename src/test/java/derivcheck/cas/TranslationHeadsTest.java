package derivcheck.cas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import derivcheck.expr.Apply;
import derivcheck.expr.Builtin;
import derivcheck.expr.Expr;
import derivcheck.expr.UserFunc;
import derivcheck.model.Problem;
import derivcheck.source.ParseResult;
import derivcheck.spec.SpecReader;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IBuiltInSymbol;
import org.matheclipse.core.interfaces.IExpr;

/**
 * The sandbox, from our side: every Symja head our translation can produce, and every Symja function
 * the cas layer names at all, is on an explicit whitelist of side-effect-free mathematical functions
 * (no file, network, process, Java, sleeping, definition or parsing built-in), and no code of the cas
 * layer hands Symja a string to parse.
 */
class TranslationHeadsTest {
    /** Pure mathematical heads and constants ToSymja may build. */
    static final Set<String> TRANSLATION = Set.of("Plus", "Times", "Power", "Log", "Exp", "Sign", "Abs", "LogisticSigmoid",
            "Tanh", "Sin", "Cos", "Cosh", "Sinh", "Tan", "ArcTan", "Erf", "Max", "Min", "Derivative", "Pi", "E");

    /** What else the cas layer builds around a translation: pure operations, relations, domains and numbers. */
    static final Set<String> OPERATIONS = Set.of("Simplify", "Together", "Expand", "Factor", "Cancel", "Solve", "Refine",
            "Element", "Equal", "Unequal", "Greater", "GreaterEqual", "Less", "LessEqual", "Integers", "Reals",
            "ConditionalExpression", "C", "Sqrt", "Sqr", "ListAlloc", "Dummy", "ZZ", "QQ", "NIL",
            "C0", "C1", "CN1", "C2", "C1D2", "CN1D2", "CI");

    @BeforeAll static void start() { SymjaRuntime.ensureStarted(); }

    @Test void everyHeadTheTranslationProducesIsOnTheWhitelist() throws Exception {
        List<Expr> inputs = new ArrayList<>();
        Expr x = Ex.x("x"), y = Ex.x("y");
        // every case of the built-in switch, with scalar arguments
        for (Builtin b : Builtin.values()) {
            try {
                inputs.add(b.arity() == 1 ? Apply.of(b, x) : Apply.of(b, x, y));
            } catch (derivcheck.expr.ShapeException needsAVector) {
                // softmax, sum, trace, sv, ...: of a vector or matrix only, so an opaque atom (and in the specs below)
            }
        }
        // a scalar broadcast in a vector sum (the node Ones), inside the scalars it occurs in
        Expr v = Ex.vec("v"), shifted = Ex.sub(v, Ex.mul(x, y));
        inputs.add(new derivcheck.expr.Inner(v, shifted, derivcheck.expr.Pos.NONE));
        inputs.add(new derivcheck.expr.Index(shifted, List.of(Ex.index("i")), derivcheck.expr.Pos.NONE));
        inputs.add(Apply.of(Builtin.ARGMAX, shifted));
        inputs.add(Apply.of(new UserFunc("Run", 0), x));
        inputs.add(Apply.of(new UserFunc("Run", 2), x));
        // and every node of every spec in problems/ (all node kinds of the model, as they really occur)
        Set<String> kinds = new TreeSet<>();
        try (Stream<Path> s = Files.list(Path.of("problems"))) {
            for (Path f : s.filter(p -> p.toString().endsWith(".prob")).sorted().toList()) {
                ParseResult<Problem> r = SpecReader.read(f);
                if (r.ok()) collect(r.get(), inputs);
            }
        }
        Set<String> heads = new TreeSet<>();
        int translated = 0;
        for (Expr e : new ArrayList<>(inputs)) {
            for (Expr sub : subexpressions(e)) {
                kinds.add(sub.getClass().getSimpleName());
                if (!sub.isScalar()) continue;
                IExpr out;
                try {
                    out = new ToSymja(new SymbolTable()).scalar(sub);
                } catch (Unsupported | RuntimeException refused) {
                    continue; // refused is safe
                }
                translated++;
                heads(out, heads);
            }
        }
        assertTrue(translated > 1000, "translated " + translated);
        Set<String> allKinds = Stream.of(Expr.class.getPermittedSubclasses()).map(Class::getSimpleName).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(allKinds, kinds, "every node kind of the model is among the inputs");
        Set<String> outside = new TreeSet<>(heads);
        outside.removeAll(TRANSLATION);
        assertTrue(outside.isEmpty(), "heads outside the whitelist: " + outside);
        assertTrue(heads.containsAll(Set.of("Plus", "Times", "Power", "Log", "E", "Erf", "Derivative")), heads.toString());
    }

    @Test void everySymjaNameTheCasLayerUsesIsOnTheWhitelistAndNoStringIsParsed() throws Exception {
        Pattern ref = Pattern.compile("\\b[FS]\\.([A-Z$][A-Za-z0-9$]*)");
        Set<String> used = new TreeSet<>();
        Path cas = Path.of("src/main/java/derivcheck/cas");
        try (Stream<Path> s = Files.list(cas)) {
            for (Path f : s.filter(p -> p.toString().endsWith(".java")).toList()) {
                String src = Files.readString(f);
                Matcher m = ref.matcher(src);
                while (m.find()) used.add(m.group(1));
                for (String parse : List.of("ExprParser", "F.symbol(", "F.$s(", "F.$rubi", "evaluate(\"", "eval(\"", "parse(\"",
                        "ExprEvaluator", "F.ast(")) {
                    assertFalse(src.contains(parse), f + " uses " + parse);
                }
            }
        }
        assertTrue(used.size() > 20, used.toString());
        Set<String> outside = new TreeSet<>(used);
        outside.removeAll(TRANSLATION);
        outside.removeAll(OPERATIONS);
        assertTrue(outside.isEmpty(), "Symja names outside the whitelist: " + outside);
    }

    @Test void theWhitelistHasNoneOfTheSideEffectBuiltins() {
        for (String name : derivcheck.cli.SandboxTest.NAMES) {
            assertFalse(TRANSLATION.contains(name) || OPERATIONS.contains(name), name);
        }
    }

    /** The builtin heads and symbols of a Symja expression; our own (dummy) symbols are not built-ins. */
    private static void heads(IExpr e, Set<String> out) {
        if (e instanceof IAST ast) {
            heads(ast.head(), out);
            ast.forEach(a -> heads(a, out));
        } else if (e instanceof IBuiltInSymbol b) {
            out.add(b.toString());
        }
    }

    private static List<Expr> subexpressions(Expr e) {
        List<Expr> out = new ArrayList<>();
        out.add(e);
        for (Expr c : e.children()) out.addAll(subexpressions(c));
        return out;
    }

    /** Every Expr reachable from a record (a Problem and its items), through lists and optionals. */
    private static void collect(Object o, List<Expr> out) throws Exception {
        if (o instanceof Expr e) out.add(e);
        else if (o instanceof Optional<?> opt) { if (opt.isPresent()) collect(opt.get(), out); }
        else if (o instanceof Collection<?> c) { for (Object x : c) collect(x, out); }
        else if (o instanceof Record r) {
            for (RecordComponent rc : r.getClass().getRecordComponents()) {
                rc.getAccessor().setAccessible(true);
                collect(rc.getAccessor().invoke(r), out);
            }
        }
    }
}
