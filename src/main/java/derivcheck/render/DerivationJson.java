package derivcheck.render;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import derivcheck.derive.Derivation;
import derivcheck.derive.ExpectCheck;
import derivcheck.derive.Result;
import derivcheck.derive.Step;
import derivcheck.expr.Relation;
import derivcheck.model.Problem;
import java.util.List;
import java.util.function.Function;

/** The JSON form of a derivation and its expect checks (field names documented in docs/json.md). */
public final class DerivationJson {
    private DerivationJson() {}

    /**
     * @param latex prints a relation list as LaTeX in this problem's notation
     */
    public static ObjectNode problem(Problem p, Derivation d, List<ExpectCheck.Outcome> expects,
                                     Function<List<Relation>, String> latex) {
        ObjectNode o = ProblemJson.MAPPER.createObjectNode();
        o.put("name", p.name());
        o.put("file", p.file());
        o.put("title", p.title());
        o.put("source", p.source());
        ObjectNode der = o.putObject("derivation");
        der.put("status", d.status().word());
        der.put("strategy", d.strategy());
        ArrayNode steps = der.putArray("steps");
        for (Step s : d.steps()) {
            steps.addObject().put("rule", s.rule()).put("text", DerivationText.math(s.math()))
                    .put("latex", latex.apply(s.math())).put("justification", s.justification());
        }
        ArrayNode results = der.putArray("results");
        for (Result r : d.results()) {
            ObjectNode n = results.addObject().put("target", TextPrinter.print(r.target()))
                    .put("text", DerivationText.result(r))
                    .put("latex", latex.apply(List.of(new Relation(derivcheck.expr.RelOp.EQ, r.target(), r.value(),
                            derivcheck.expr.Pos.NONE))));
            ArrayNode conds = n.putArray("conditions");
            r.conditions().forEach(c -> conds.add(TextPrinter.print(c)));
        }
        ArrayNode notes = der.putArray("notes");
        d.notes().forEach(notes::add);
        ArrayNode ex = o.putArray("expects");
        for (ExpectCheck.Outcome e : expects) {
            ex.addObject().put("target", TextPrinter.print(e.claim().relations().get(0).lhs()))
                    .put("text", TextPrinter.print(e.claim().relations()))
                    .put("line", e.claim().pos().line())
                    .put("symbolic", e.symbolic().word())
                    .put("reason", e.reason());
        }
        return o;
    }
}
