package derivcheck.numeric;

/**
 * An expression cannot be evaluated for a structural reason that no other draw of the values
 * would fix: a symbol or function without a value, a value of the wrong size, a non-integer
 * index or matrix power, an index out of range. (Domain problems that depend on the drawn
 * values, such as log of a negative number or a singular matrix, give NaN instead.)
 */
public class EvaluationException extends RuntimeException {
    public EvaluationException(String message) { super(message); }
}
