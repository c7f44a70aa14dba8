package derivcheck.judge;

/** A tier cannot evaluate this expression (a function outside its arithmetic, a missing definition). */
public final class Decline extends RuntimeException {
    public Decline(String why) { super(why, null, false, false); }
}
