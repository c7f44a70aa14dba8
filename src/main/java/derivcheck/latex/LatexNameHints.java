package derivcheck.latex;

import derivcheck.model.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The spec author's fix for an answer's unknown LaTeX command: when a Greek letter the answer
 * writes (\lambda, \lambda_0) names a quantity the spec calls by a plain or shortened name (lam,
 * lam0, lamda) without that `latex`, the message says which one and what to add to its
 * declaration. It only suggests: the answer is still refused.
 */
final class LatexNameHints {
    private static final Pattern COMMAND = Pattern.compile("^\\\\([A-Za-z]+)(.*)$");

    private record Declared(String name, String kind, Optional<String> latex) {}

    private LatexNameHints() {}

    /** "; the spec has lam: add latex "\lambda" to its given", or nothing. */
    static String hint(String written, Problem problem) {
        if (problem == null || written == null) return "";
        Matcher m = COMMAND.matcher(written.strip());
        if (!m.matches()) return "";
        String command = m.group(1);
        String letter = command.startsWith("var") && LatexTokens.GREEK.contains(command.substring(3)) ? command.substring(3) : command;
        if (!LatexTokens.GREEK.contains(letter) && !LatexTokens.GREEK.contains(command)) return "";
        String script = digitsAndScripts(m.group(2));
        List<Declared> matches = new ArrayList<>();
        for (Declared d : declared(problem)) if (spells(d.name(), letter)) matches.add(d);
        if (matches.isEmpty()) return "";
        // the declarations whose subscript agrees with the written one, when there are several
        if (matches.size() > 1) {
            List<Declared> same = matches.stream().filter(d -> digitsAndScripts(rest(d.name())).equals(script)).toList();
            if (!same.isEmpty()) matches = same;
        }
        List<String> parts = new ArrayList<>();
        for (Declared d : matches.subList(0, Math.min(3, matches.size()))) {
            if (d.latex().isPresent()) {
                parts.add(d.name() + ", printed " + d.latex().get() + " (its latex): write that, or change the latex of its " + d.kind());
            } else {
                parts.add(d.name() + ": add latex \"" + suggested(command, d.name()) + "\" to its " + d.kind());
            }
        }
        return "; the spec has " + String.join("; or ", parts);
    }

    /** Whether the spec name is the Greek letter spelled out, or a shortening of it (lam, eps, sig), or one slip off (lamda). */
    static boolean spells(String specName, String letter) {
        String base = base(specName);
        if (base.isEmpty()) return false;
        if (base.equals(letter)) return true;
        String lower = letter.toLowerCase(java.util.Locale.ROOT);
        boolean sameCase = Character.isUpperCase(base.charAt(0)) == Character.isUpperCase(letter.charAt(0));
        if (!sameCase) return false;
        String b = base.toLowerCase(java.util.Locale.ROOT);
        if (b.length() >= 2 && lower.startsWith(b)) return true;
        return b.length() >= 4 && b.charAt(0) == lower.charAt(0) && oneEditApart(b, lower);
    }

    private static String base(String name) {
        String head = name.split("_", 2)[0];
        return head.replaceFirst("[0-9]+$", "");
    }

    private static String rest(String name) { return name.substring(base(name).length()); }

    /** The subscript of a written name or of a spec name's tail, as bare characters: _{0} and 0 alike, _t and _t alike. */
    private static String digitsAndScripts(String s) { return s.replaceAll("[_{}\\s]", ""); }

    /** The LaTeX the spec name would be printed with, the Greek letter in place of its base: lam0 as \lambda_{0}. */
    private static String suggested(String command, String specName) {
        List<String> d = SymbolNames.defaults(command + rest(specName));
        return d.isEmpty() ? "\\" + command : d.get(0);
    }

    private static boolean oneEditApart(String a, String b) {
        if (Math.abs(a.length() - b.length()) > 1 || a.equals(b)) return false;
        int i = 0, j = 0, edits = 0;
        while (i < a.length() && j < b.length()) {
            if (a.charAt(i) == b.charAt(j)) { i++; j++; continue; }
            if (++edits > 1) return false;
            if (a.length() > b.length()) i++;
            else if (b.length() > a.length()) j++;
            else { i++; j++; }
        }
        return edits + (a.length() - i) + (b.length() - j) <= 1;
    }

    private static List<Declared> declared(Problem p) {
        List<Declared> out = new ArrayList<>();
        p.givens().forEach(d -> out.add(new Declared(d.name(), "given", d.latex())));
        p.unknowns().forEach(d -> out.add(new Declared(d.name(), "find", d.latex())));
        p.randoms().forEach(d -> out.add(new Declared(d.sym().name(), "random", d.latex())));
        p.lets().forEach(d -> out.add(new Declared(d.sym().name(), "let", d.latex())));
        return out;
    }
}
