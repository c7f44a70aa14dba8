package derivcheck.model;

/** An anticipated wrong answer and the feedback for it. */
public record Mistake(Claim claim, String feedback) {}
