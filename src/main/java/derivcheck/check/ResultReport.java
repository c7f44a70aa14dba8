package derivcheck.check;

import derivcheck.derive.Result;
import derivcheck.numeric.verify.NumericVerdict;
import java.util.Optional;

/** A derived result and its numeric verdict against the original problem. */
public record ResultReport(Result result, Optional<NumericVerdict> numeric) {}
