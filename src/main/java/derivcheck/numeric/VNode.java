package derivcheck.numeric;

/** A compiled node of any shape. */
@FunctionalInterface
interface VNode {
    Value eval(Frame f);
}
