package derivcheck.derive;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a test spec says must happen to it: its one {@code # expect:} comment line, in the syntax of
 * docs/spec-language.md ("What a test spec expects"):
 * <pre>
 * # expect: derived [by STRATEGY] [; not verified: EXPECT] [; undecided: EXPECT [because WORDS]] …
 * # expect: declined [by STRATEGY] [because WORDS]
 * # expect: undecided [by STRATEGY] [because WORDS]
 * </pre>
 * STRATEGY is a strategy's name (as in the report); WORDS must occur in the engine's notes (in the
 * note of STRATEGY when it is named); EXPECT is the relation of one of the spec's {@code expect} lines
 * as written, without a trailing {@code for i in …}.
 */
public record SpecExpectation(Status status, Optional<String> strategy, Optional<String> because, List<NamedExpect> named) {
    public enum Status { DERIVED, DECLINED, UNDECIDED }

    /** How one named expect of a derived spec must come out instead of "verified symbolically". */
    public enum Outcome { NOT_VERIFIED, UNDECIDED }

    /** An expect (by its text) whose symbolic comparison must not verify, or must stay undecided saying WORDS. */
    public record NamedExpect(Outcome outcome, String expect, Optional<String> because) {
        /** Whether {@code text} (an expect's source text) is this one, spaces aside. */
        public boolean names(String text) { return squash(text).equals(squash(expect)); }
    }

    private static final Pattern LINE = Pattern.compile("(?m)^\\s*#\\s*expect:(.*)$");
    private static final Pattern HEAD = Pattern.compile("(derived|declined|undecided)(?:\\s+by\\s+(.+?))?(?:\\s+because\\s+(.+))?");
    private static final Pattern CLAUSE = Pattern.compile("(not verified|undecided):\\s*(.+?)(?:\\s+because\\s+(.+))?");

    /** The expectation stated in a spec's text; exactly one {@code # expect:} line, or an IllegalArgumentException. */
    public static SpecExpectation of(String specText) {
        Matcher m = LINE.matcher(specText);
        if (!m.find()) throw new IllegalArgumentException("the spec has no '# expect:' line");
        String line = m.group(1).strip();
        if (m.find()) throw new IllegalArgumentException("the spec has more than one '# expect:' line");
        return parse(line);
    }

    /** Whether a spec's text has a {@code # expect:} line at all. */
    public static boolean stated(String specText) { return LINE.matcher(specText).find(); }

    /** The part after "# expect:". */
    public static SpecExpectation parse(String line) {
        String[] parts = line.split(";");
        Matcher h = HEAD.matcher(parts[0].strip());
        if (!h.matches()) throw new IllegalArgumentException("not 'derived|declined|undecided [by STRATEGY] [because WORDS]': " + parts[0]);
        Status status = Status.valueOf(h.group(1).toUpperCase());
        Optional<String> because = Optional.ofNullable(h.group(3)).map(String::strip);
        if (status == Status.DERIVED && because.isPresent()) {
            throw new IllegalArgumentException("a derived spec has no 'because' (name the expects that must not verify instead)");
        }
        List<NamedExpect> named = new ArrayList<>();
        for (int i = 1; i < parts.length; i++) {
            Matcher c = CLAUSE.matcher(parts[i].strip());
            if (!c.matches()) throw new IllegalArgumentException("not 'not verified: EXPECT' or 'undecided: EXPECT [because WORDS]': " + parts[i]);
            if (status != Status.DERIVED) throw new IllegalArgumentException("only a derived spec names expects: " + parts[i]);
            Outcome o = c.group(1).equals("not verified") ? Outcome.NOT_VERIFIED : Outcome.UNDECIDED;
            Optional<String> why = Optional.ofNullable(c.group(3)).map(String::strip);
            if (o == Outcome.NOT_VERIFIED && why.isPresent()) throw new IllegalArgumentException("'not verified' takes no 'because': " + parts[i]);
            named.add(new NamedExpect(o, c.group(2).strip(), why));
        }
        return new SpecExpectation(status, Optional.ofNullable(h.group(2)).map(String::strip), because, List.copyOf(named));
    }

    /** The named expect that is this expect text, if any. */
    public Optional<NamedExpect> namedFor(String expectText) {
        return named.stream().filter(e -> e.names(expectText)).findFirst();
    }

    private static String squash(String s) { return s.replaceAll("\\s+", ""); }
}
