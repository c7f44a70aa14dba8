package derivcheck.numeric;

/** A compiled scalar-valued node. */
@FunctionalInterface
interface SNode {
    double eval(Frame f);
}
