package derivcheck.judge;

import derivcheck.expr.RelOp;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The judge's answer to "which sign does this difference have on the domain?" ({@link Judge#proveSign}).
 *
 * @param relation the strongest relation {@code difference REL 0} proved (GT, LT, EQ; or the weak GE, LE), empty if none
 * @param tier     the tier it rests on (NONE when nothing was proved)
 * @param evidence what each tier found, in order
 * @param reason   one sentence: what proved it, or what is missing
 * @param spent    wall-clock time spent
 */
public record SignProof(Optional<RelOp> relation, Judgement.Tier tier, List<String> evidence, String reason, Duration spent) {
    public SignProof { evidence = List.copyOf(evidence); }

    /**
     * Whether the proved relation implies {@code difference claim 0}: a positive difference proves
     * {@code >}, {@code >=} and {@code !=}; a zero one {@code =}, {@code >=}, {@code <=}; a weak sign only itself.
     */
    public boolean proves(RelOp claim) {
        return relation.isPresent() && implies(relation.get(), claim);
    }

    static boolean implies(RelOp proved, RelOp claim) {
        if (proved == claim) return true;
        return switch (proved) {
            case GT -> claim == RelOp.GE || claim == RelOp.NE;
            case LT -> claim == RelOp.LE || claim == RelOp.NE;
            case EQ -> claim == RelOp.GE || claim == RelOp.LE;
            default -> false;
        };
    }
}
