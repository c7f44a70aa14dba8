package derivcheck.render;

import derivcheck.expr.TextPrinter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import derivcheck.check.ClaimReport;
import derivcheck.check.ProblemReport;
import derivcheck.check.ResultReport;
import derivcheck.derive.Derivation;
import derivcheck.derive.Result;
import derivcheck.derive.Step;
import derivcheck.expr.Pos;
import derivcheck.expr.RelOp;
import derivcheck.expr.Relation;
import derivcheck.model.Problem;
import derivcheck.numeric.verify.NumericVerdict;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The JSON form of a problem report (field names documented in docs/json.md). */
public final class DerivationJson {
    private DerivationJson() {}

    public static ObjectNode problem(ProblemReport report) {
        Problem p = report.problem();
        Derivation d = report.derivation();
        LatexPrinter latex = LatexPrinter.of(p);
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
                    .put("latex", latex(latex, s.math())).put("justification", s.justification());
        }
        ArrayNode results = der.putArray("results");
        for (ResultReport rr : report.results()) {
            Result r = rr.result();
            ObjectNode n = results.addObject().put("target", TextPrinter.print(r.target()))
                    .put("text", DerivationText.result(r))
                    .put("latex", latex(latex, List.of(r.relation())));
            ArrayNode conds = n.putArray("conditions");
            r.conditions().forEach(c -> conds.add(TextPrinter.print(c)));
            numeric(n, rr.numeric());
        }
        ArrayNode notes = der.putArray("notes");
        d.notes().forEach(notes::add);
        ArrayNode ex = o.putArray("expects");
        ArrayNode shows = o.putArray("shows");
        for (ClaimReport c : report.claims()) {
            ObjectNode n = (c.kind() == ClaimReport.Kind.EXPECT ? ex : shows).addObject()
                    .put("target", TextPrinter.print(c.claim().relations().get(0).lhs()))
                    .put("text", TextPrinter.print(c.claim().relations()))
                    .put("line", c.claim().pos().line())
                    .put("verdict", c.verdict().word())
                    .put("symbolic", c.symbolic().symbolic().word())
                    .put("symbolic_reason", c.symbolic().reason());
            numeric(n, c.numeric());
        }
        return o;
    }

    private static void numeric(ObjectNode n, Optional<NumericVerdict> v) {
        if (v.isPresent()) n.set("numeric", ProblemJson.MAPPER.valueToTree(v.get().toMap()));
        else n.putNull("numeric");
    }

    private static String latex(LatexPrinter latex, List<Relation> rs) {
        try {
            return rs.stream().map(latex::print).collect(Collectors.joining(",\\quad "));
        } catch (RuntimeException e) {
            return null;
        }
    }
}
