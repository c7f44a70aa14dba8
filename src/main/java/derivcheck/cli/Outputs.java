package derivcheck.cli;

import derivcheck.io.OutputFiles;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Optional;

/** The check every command makes on each file it will write, before doing any work (docs/limits.md, "Output files"). */
final class Outputs {
    private Outputs() {}

    /**
     * Prints why {@code target} may not be written (one line, "derivcheck CMD: error: cannot write OUT: ...")
     * and returns true, or returns false when it may be: it is not one of {@code inputs}, not a directory,
     * and its folder is (or can be made) a writable folder. A null target (an option not given) is fine.
     */
    static boolean refused(Console out, String command, Path target, Collection<Path> inputs) {
        if (target == null) return false;
        Optional<String> why = OutputFiles.refusal(target, inputs);
        why.ifPresent(w -> out.error("derivcheck " + command + ": error: cannot write " + target + ": " + w));
        return why.isPresent();
    }

    /** As {@link #refused}, for a folder the command writes files into (created if missing). */
    static boolean folderRefused(Console out, String command, Path folder, Collection<Path> inputs) {
        if (folder == null) return false;
        Optional<String> why = OutputFiles.folderOutputRefusal(folder, inputs);
        why.ifPresent(w -> out.error("derivcheck " + command + ": error: cannot write into " + folder + ": " + w));
        return why.isPresent();
    }
}
