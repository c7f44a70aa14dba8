package derivcheck.render;

import derivcheck.expr.TextPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import derivcheck.expr.Expr;
import derivcheck.model.Claim;
import derivcheck.model.Constraint;
import derivcheck.model.DimDecl;
import derivcheck.model.LetDef;
import derivcheck.model.Problem;
import derivcheck.model.RandomDecl;
import derivcheck.model.SymbolDecl;
import derivcheck.source.Diagnostic;
import java.util.List;

/** The JSON form of a parsed problem (see docs/json.md). */
public final class ProblemJson {
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private ProblemJson() {}

    public static ObjectNode problem(Problem p) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("name", p.name());
        o.put("file", p.file());
        o.put("title", p.title());
        o.put("source", p.source());
        p.statement().ifPresent(s -> o.put("statement", s));
        ArrayNode dims = o.putArray("dims");
        for (DimDecl d : p.dims()) dims.addObject().put("name", d.sym().name()).put("min", d.minimum());
        ArrayNode symbols = o.putArray("symbols");
        for (SymbolDecl g : p.givens()) symbol(symbols, g.name(), "given", g.sym().shape().toString(), g.latex().orElse(null));
        for (SymbolDecl u : p.unknowns()) symbol(symbols, u.name(), "unknown", u.sym().shape().toString(), u.latex().orElse(null));
        for (RandomDecl r : p.randoms()) symbol(symbols, r.sym().name(), "random", r.sym().shape().toString(), r.latex().orElse(null));
        for (LetDef l : p.lets()) symbol(symbols, l.sym().name(), "let", l.sym().shape().toString(), l.latex().orElse(null));
        ArrayNode assumptions = o.putArray("assumptions");
        p.assumptions().forEach(a -> assumptions.add(TextPrinter.print(a)));
        p.objective().ifPresent(ob -> o.putObject("objective")
                .put("sense", ob.sense().name().toLowerCase()).put("text", TextPrinter.print(ob.expr())));
        ArrayNode constraints = o.putArray("constraints");
        for (Constraint c : p.constraints()) {
            ObjectNode n = constraints.addObject().put("text", TextPrinter.print(c.relations()));
            c.forAll().ifPresent(i -> n.put("for_all", i.name()));
        }
        ArrayNode targets = o.putArray("targets");
        for (Expr t : p.targets()) targets.addObject().put("text", TextPrinter.print(t)).put("shape", t.shape().toString());
        ArrayNode expects = o.putArray("expects");
        for (Claim c : p.expects()) claim(expects, c);
        ArrayNode shows = o.putArray("shows");
        for (Claim c : p.shows()) claim(shows, c);
        return o;
    }

    private static void claim(ArrayNode into, Claim c) {
        into.addObject().put("text", TextPrinter.print(c.relations())).put("line", c.pos().line())
                .put("shape", c.relations().get(0).lhs().shape().toString());
    }

    private static void symbol(ArrayNode into, String name, String kind, String shape, String latex) {
        ObjectNode n = into.addObject().put("name", name).put("kind", kind).put("shape", shape);
        if (latex != null) n.put("latex", latex);
    }

    public static ArrayNode diagnostics(List<Diagnostic> ds) {
        ArrayNode a = MAPPER.createArrayNode();
        for (Diagnostic d : ds) {
            a.addObject().put("file", d.pos().file()).put("line", d.pos().line()).put("col", d.pos().col())
                    .put("message", d.message());
        }
        return a;
    }
}
