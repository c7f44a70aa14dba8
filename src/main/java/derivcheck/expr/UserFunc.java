package derivcheck.expr;

/** A scalar function declared in the spec ({@code given rho : function}), or its derivative. */
public record UserFunc(String name, int derivative) implements Func {
    public UserFunc {
        if (derivative < 0) throw new IllegalArgumentException("negative derivative order");
    }

    public UserFunc differentiated() { return new UserFunc(name, derivative + 1); }
}
