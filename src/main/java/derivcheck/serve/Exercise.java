package derivcheck.serve;

import derivcheck.expr.Expr;
import derivcheck.model.Problem;
import derivcheck.source.SourceText;
import java.util.List;

/**
 * One exercise as the server holds it from start to end: the spec read once, its statement
 * typeset once, and the expressions that must never reach a student (the spec's expected
 * values, and derived values of targets that have none), for {@link Redactor}.
 *
 * @param statementHtml the statement as HTML with MathML (no expects, no mistakes)
 * @param targetsHtml   what is asked, as MathML, one per target
 * @param solutionsHtml the expects as MathML; sent only with {@code --show-solutions}
 */
record Exercise(String name, String title, String source, Problem problem, SourceText spec, String statementHtml,
                List<String> targetsHtml, List<String> solutionsHtml, List<Expr> secrets) {
    Exercise {
        targetsHtml = List.copyOf(targetsHtml);
        solutionsHtml = List.copyOf(solutionsHtml);
        secrets = List.copyOf(secrets);
    }
}
