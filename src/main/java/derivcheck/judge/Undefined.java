package derivcheck.judge;

/** The expression has no (real, principal-branch) value at this point: 1/0, log of a non-positive, ... */
public final class Undefined extends RuntimeException {
    public Undefined(String why) { super(why, null, false, false); }
}
