package derivcheck.numeric;

/** A compiled condition (a guard of a case or an Iverson bracket). */
@FunctionalInterface
interface Pred {
    boolean test(Frame f);
}
