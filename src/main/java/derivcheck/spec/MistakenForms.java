package derivcheck.spec;

import derivcheck.grammar.SpecLexer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.antlr.v4.runtime.BufferedTokenStream;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.misc.Interval;

/**
 * Forms a new author writes that the language does not have, each with the form it has: a table
 * of (mistaken form → hint) that {@link SyntaxErrors} consults at every syntax error. A form looks
 * at the item the error is in (its tokens, from the keyword that starts it to the next one) and at
 * the offending token; the hint is built from what the author wrote (their names and expressions),
 * so the message shows the item as it should read.
 */
final class MistakenForms {
    /** The item an error is in, and where in it the offending token is. */
    record At(List<Token> item, int at) {
        Token token(int k) { return k >= 0 && k < item.size() ? item.get(k) : null; }
        String text(int k) { Token t = token(k); return t == null ? "" : t.getText(); }
        boolean is(int k, String text) { return text(k).equals(text); }
        String keyword() { return text(0); }
        Token offending() { return item.get(at); }

        /** The source text of tokens from..to-1 as written (spaces kept), or the tokens joined. */
        String span(int from, int to) {
            if (from >= to || from < 0 || to > item.size()) return "";
            Token a = item.get(from), b = item.get(to - 1);
            if (a.getInputStream() != null && a.getInputStream() == b.getInputStream() && a.getStartIndex() >= 0
                    && b.getStopIndex() >= a.getStartIndex()) {
                return a.getInputStream().getText(Interval.of(a.getStartIndex(), b.getStopIndex()));
            }
            List<String> texts = new ArrayList<>();
            for (int k = from; k < to; k++) texts.add(item.get(k).getText());
            return String.join(" ", texts);
        }

        /** The first index at or after from whose text is one of these, or -1. */
        int find(int from, Set<String> texts) {
            for (int k = Math.max(0, from); k < item.size(); k++) if (texts.contains(item.get(k).getText().toLowerCase(Locale.ROOT))) return k;
            return -1;
        }
    }

    /** One mistaken form: what it is (for the table's readers) and the hint, when the error is one of it. */
    record Form(String mistaken, Function<At, Optional<String>> hint) {}

    private static final Set<String> DERIVATIVE_WORDS = Set.of("gradient", "grad", "derivative", "hessian", "jacobian", "nabla");
    private static final Set<String> WITH_RESPECT = Set.of("wrt", "with", "by", "in", "over");
    private static final Set<String> REAL_SPACE = Set.of("r", "rr", "real", "reals", "scalar", "float", "double", "number");

    static final List<Form> TABLE = List.of(
            new Form("find gradient of EXPR wrt w", MistakenForms::gradientInWords),
            new Form("find grad(L) wrt w", MistakenForms::variableAfterGrad),
            new Form("random m : bernoulli(p)  /  random m ~ bernoulli(p)", MistakenForms::lawWithoutShape),
            new Form("given x : R^n", MistakenForms::setInsteadOfShape),
            new Form("find x in R^n", MistakenForms::unknownWithoutShape),
            new Form("minimize f s.t. x >= 0", MistakenForms::constraintOnTheObjectiveLine));

    private MistakenForms() {}

    /** The hint of the first form the error is one of. */
    static Optional<String> hint(TokenStream stream, Token offending) {
        Optional<At> at = itemAround(stream, offending);
        if (at.isEmpty()) return Optional.empty();
        for (Form f : TABLE) {
            Optional<String> h;
            try {
                h = f.hint().apply(at.get());
            } catch (RuntimeException e) {
                h = Optional.empty(); // a hint is a courtesy: never let it hide the error itself
            }
            if (h.isPresent()) return h;
        }
        return Optional.empty();
    }

    /** The tokens of the item around the offending token: from the keyword that starts it to the next one. */
    static Optional<At> itemAround(TokenStream stream, Token offending) {
        if (!(stream instanceof BufferedTokenStream b) || offending == null || offending.getType() == Token.EOF) return Optional.empty();
        b.fill();
        List<Token> all = new ArrayList<>();
        for (Token t : b.getTokens()) if (t.getChannel() == Token.DEFAULT_CHANNEL && t.getType() != Token.EOF) all.add(t);
        int k = -1;
        for (int i = 0; i < all.size(); i++) if (all.get(i) == offending) { k = i; break; }
        if (k < 0) return Optional.empty();
        int from = k;
        while (from > 0 && !startsItem(all.get(from))) from--;
        if (!startsItem(all.get(from))) return Optional.empty();
        int to = from + 1;
        while (to < all.size() && !startsItem(all.get(to))) to++;
        if (k >= to) return Optional.empty();
        return Optional.of(new At(List.copyOf(all.subList(from, to)), k - from));
    }

    private static boolean startsItem(Token t) {
        String literal = SpecLexer.VOCABULARY.getLiteralName(t.getType());
        return literal != null && (ItemwiseSyntax.STARTS.contains(literal) || literal.equals("'problem'"));
    }

    private static boolean isName(Token t) { return t != null && t.getType() == SpecLexer.ID; }

    // ---- the forms ------------------------------------------------------------------------------

    /** `find gradient of log(1 + exp(-y*w'*x)) wrt w : vector[n]` → let L = …, find grad(L, w). */
    private static Optional<String> gradientInWords(At a) {
        if (!a.keyword().equals("find") || a.at != 2 || !DERIVATIVE_WORDS.contains(a.text(1).toLowerCase(Locale.ROOT))) return Optional.empty();
        boolean hessian = a.text(1).equalsIgnoreCase("hessian");
        int of = a.is(2, "of") ? 3 : 2;
        int wrt = a.find(of, WITH_RESPECT);
        String body = wrt > of ? a.span(of, wrt) : of == 3 ? a.span(of, a.item().size()) : "";
        int var = wrt < 0 ? -1 : a.text(wrt).equalsIgnoreCase("with") ? a.find(wrt, Set.of("to")) + 1 : wrt + 1;
        String w = var > 0 && isName(a.token(var)) ? a.text(var) : "w";
        String shape = var > 0 && a.is(var + 1, ":") ? a.span(var + 2, a.item().size()) : "";
        String asked = hessian ? "grad(grad(L, " + w + "), " + w + ")" : "grad(L, " + w + ")";
        StringBuilder h = new StringBuilder("a " + (hessian ? "Hessian" : "gradient") + " is asked of a named scalar, its variable declared as data: ");
        h.append("'given ").append(w).append(" : ").append(shape.isBlank() ? "vector[n]" : shape.strip()).append("', ");
        h.append("'let L = ").append(body.isBlank() ? "…" : body.strip()).append("', 'find ").append(asked)
                .append("', then 'expect ").append(asked).append(" = …'");
        return Optional.of(h.toString());
    }

    /** `find grad(L) wrt w` → find grad(L, w). */
    private static Optional<String> variableAfterGrad(At a) {
        if (!a.keyword().equals("find") || !Set.of("wrt", "with").contains(a.text(a.at).toLowerCase(Locale.ROOT))) return Optional.empty();
        int var = a.text(a.at).equalsIgnoreCase("with") ? a.find(a.at, Set.of("to")) + 1 : a.at + 1;
        String w = var > 0 && isName(a.token(var)) ? a.text(var) : "w";
        String before = a.span(1, a.at).strip();
        String asked = before.matches("grad\\s*\\(\\s*[A-Za-z][A-Za-z0-9_]*\\s*\\)")
                ? before.substring(0, before.lastIndexOf(')')).strip() + ", " + w + ")" : "grad(L, " + w + ")";
        return Optional.of("the variable of a gradient is grad's second argument: 'find " + asked + "'");
    }

    /** `random m : bernoulli(p)`, `random m ~ bernoulli(p)` → the shape, then the law. */
    private static Optional<String> lawWithoutShape(At a) {
        if (!a.keyword().equals("random")) return Optional.empty();
        int law;
        String names;
        if (a.text(a.at).equals("~")) {
            names = a.span(1, a.at).strip();
            law = a.at + 1;
        } else if (a.is(a.at - 1, ":") && isName(a.offending()) && a.is(a.at + 1, "(")) {
            names = a.span(1, a.at - 1).strip();
            law = a.at;
        } else {
            return Optional.empty();
        }
        int close = a.find(law, Set.of(")"));
        String written = isName(a.token(law)) && a.is(law + 1, "(") && close > law ? a.span(law, close + 1) : "bernoulli(p)";
        if (names.isEmpty()) names = "m";
        return Optional.of("a random variable is declared with its shape, then its law: 'random " + names + " : real " + written
                + "', or 'random " + names + " : vector[n] iid " + written + "' for a vector of independent entries");
    }

    /** `given x : R^n` → vector[n]. */
    private static Optional<String> setInsteadOfShape(At a) {
        if (!Set.of("given", "find", "random").contains(a.keyword()) || !a.is(a.at - 1, ":")
                || !REAL_SPACE.contains(a.text(a.at).toLowerCase(Locale.ROOT))) return Optional.empty();
        String names = a.span(1, a.at - 1).strip();
        return Optional.of("a shape is written 'real', 'vector[n]' or 'matrix[m, n]': '" + a.keyword() + " " + names + " : "
                + shapeFor(a, a.at) + "'");
    }

    /** `find x in R^n` → find x : vector[n]. */
    private static Optional<String> unknownWithoutShape(At a) {
        if (!a.keyword().equals("find") || !a.is(a.at, "in") || !isName(a.token(a.at - 1))) return Optional.empty();
        String names = a.span(1, a.at).strip();
        String shape = REAL_SPACE.contains(a.text(a.at + 1).toLowerCase(Locale.ROOT)) ? shapeFor(a, a.at + 1) : "real";
        return Optional.of("an unknown is declared with its shape: 'find " + names + " : " + shape
                + "' (an interval, if any, after the shape: 'find " + names + " : real in (0, 1)')");
    }

    /** `minimize f s.t. x >= 0` → a `subject to` item of its own. */
    private static Optional<String> constraintOnTheObjectiveLine(At a) {
        if (!Set.of("minimize", "maximize").contains(a.keyword())) return Optional.empty();
        String t = a.text(a.at).toLowerCase(Locale.ROOT);
        boolean st = t.equals("s") && a.is(a.at + 1, ".") || t.equals("st") || t.equals("such") || t.equals("where") || t.equals("for");
        if (!st) return Optional.empty();
        int start = t.equals("s") ? a.at + 4 : t.equals("such") ? a.at + 2 : a.at + 1;
        if (t.equals("st") && a.is(a.at + 1, ".")) start = a.at + 2;
        String cond = a.span(Math.min(start, a.item().size()), a.item().size()).strip();
        return Optional.of("constraints are an item of their own, on the next line: 'subject to " + (cond.isEmpty() ? "…" : cond) + "'");
    }

    /** The shape an R, R^n or R^{m x n} at k stands for. */
    private static String shapeFor(At a, int k) {
        if (!a.is(k + 1, "^")) return "real";
        if (a.is(k + 2, "{")) {
            int close = a.find(k + 3, Set.of("}"));
            String inside = close > k + 3 ? a.span(k + 3, close).strip() : "";
            String[] mn = inside.split("\\s+x\\s+|\\s*[*,]\\s*|\\s*\\\\times\\s*");
            if (mn.length == 2) return "matrix[" + mn[0] + ", " + mn[1] + "]";
            return inside.isEmpty() ? "vector[n]" : "vector[" + inside + "]";
        }
        Token n = a.token(k + 2);
        return n != null && (isName(n) || n.getType() == SpecLexer.NUMBER) ? "vector[" + n.getText() + "]" : "vector[n]";
    }
}
