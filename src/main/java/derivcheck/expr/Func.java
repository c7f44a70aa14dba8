package derivcheck.expr;

/** A function that can be applied: a built-in or a function declared in the spec. */
public sealed interface Func permits Builtin, UserFunc {
    String name();
}
