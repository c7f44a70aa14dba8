package derivcheck.model;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A property a given matrix is declared to have ({@code given H : matrix[n, n] symmetric positive definite}).
 * The derivation may use it (Hᵀ = H, H ≻ 0, XᵀX invertible) and the samplers construct matrices that have it.
 */
public enum MatrixProperty {
    SYMMETRIC("symmetric"),
    POSITIVE_DEFINITE("positive definite"),
    POSITIVE_SEMIDEFINITE("positive semidefinite"),
    DIAGONAL("diagonal"),
    INVERTIBLE("invertible"),
    FULL_COLUMN_RANK("full column rank");

    private final String phrase;

    MatrixProperty(String phrase) { this.phrase = phrase; }

    /** How the spec language writes it. */
    public String phrase() { return phrase; }

    /** The words of the phrase. */
    public List<String> words() { return List.of(phrase.split(" ")); }

    /** Only for a square matrix. */
    public boolean needsSquare() { return this != FULL_COLUMN_RANK; }

    /** The properties this one implies (itself included): PD gives symmetric, PSD and invertible. */
    public Set<MatrixProperty> closure() {
        return switch (this) {
            case POSITIVE_DEFINITE -> EnumSet.of(POSITIVE_DEFINITE, POSITIVE_SEMIDEFINITE, SYMMETRIC, INVERTIBLE, FULL_COLUMN_RANK);
            case POSITIVE_SEMIDEFINITE -> EnumSet.of(POSITIVE_SEMIDEFINITE, SYMMETRIC);
            case DIAGONAL -> EnumSet.of(DIAGONAL, SYMMETRIC);
            case INVERTIBLE -> EnumSet.of(INVERTIBLE, FULL_COLUMN_RANK);
            default -> EnumSet.of(this);
        };
    }

    /** The property whose phrase starts at words[from], longest first; empty if none. */
    public static Optional<MatrixProperty> at(List<String> words, int from) {
        MatrixProperty best = null;
        for (MatrixProperty p : values()) {
            List<String> w = p.words();
            if (from + w.size() <= words.size() && words.subList(from, from + w.size()).equals(w)
                    && (best == null || w.size() > best.words().size())) {
                best = p;
            }
        }
        return Optional.ofNullable(best);
    }

    /** All phrases, for messages. */
    public static String known() {
        StringBuilder b = new StringBuilder();
        for (MatrixProperty p : values()) b.append(b.length() == 0 ? "" : ", ").append(p.phrase);
        return b.toString();
    }
}
