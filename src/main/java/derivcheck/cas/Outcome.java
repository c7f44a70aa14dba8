package derivcheck.cas;

import java.util.Optional;
import java.util.function.Function;

/**
 * The result of a bounded computer-algebra call: either it was {@link Done} with a value, or it is
 * {@link Undecided} with a reason meant for people (time limit hit, unsupported function in the
 * result, size guard, Symja failure). A CAS call never throws for a Symja failure.
 */
public sealed interface Outcome<T> {

    record Done<T>(T value) implements Outcome<T> {
        public Done {
            if (value == null) throw new IllegalArgumentException("Done needs a value");
        }
    }

    record Undecided<T>(String why) implements Outcome<T> {}

    static <T> Outcome<T> done(T value) { return new Done<>(value); }

    static <T> Outcome<T> undecided(String why) { return new Undecided<>(why); }

    default boolean isDone() { return this instanceof Done; }

    default Optional<T> toOptional() {
        return this instanceof Done<T> d ? Optional.of(d.value()) : Optional.empty();
    }

    default T orElse(T other) { return toOptional().orElse(other); }

    /** The reason, or empty for a {@link Done}. */
    default Optional<String> reason() {
        return this instanceof Undecided<T> u ? Optional.of(u.why()) : Optional.empty();
    }

    default <U> Outcome<U> map(Function<? super T, ? extends U> f) {
        if (this instanceof Done<T> d) return new Done<>(f.apply(d.value()));
        return new Undecided<>(((Undecided<T>) this).why());
    }

    default <U> Outcome<U> flatMap(Function<? super T, Outcome<U>> f) {
        if (this instanceof Done<T> d) return f.apply(d.value());
        return new Undecided<>(((Undecided<T>) this).why());
    }
}
