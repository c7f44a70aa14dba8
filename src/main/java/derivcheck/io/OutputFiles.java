package derivcheck.io;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The one way a command writes a file. {@link #refusal} says why a target must not be written (checked
 * before any work is done, down to creating and removing a file in its folder: a virtual or read-only file
 * system, or root for whom every folder looks writable, is found then and not after the work); {@link #write} writes into a temporary file beside the target and renames it
 * into place atomically, so a reader never sees half a file and a failed run leaves the old file intact.
 * A missing folder is created, as long as its nearest existing ancestor is a writable folder.
 */
public final class OutputFiles {
    private OutputFiles() {}

    /** Writes the body of a file. */
    public interface Body {
        void write(Writer w) throws IOException;
    }

    /** Writes the bytes of a file. */
    public interface Bytes {
        void write(OutputStream o) throws IOException;
    }

    /**
     * Why {@code target} may not be written, if it may not: it is (the same file as) one of {@code inputs},
     * an existing directory, or its folder is not a writable folder and cannot be made one.
     * The reason is a phrase about the target ("it is one of the inputs; ...", "its folder F is not writable").
     */
    public static Optional<String> refusal(Path target, Collection<Path> inputs) {
        for (Path in : inputs) {
            if (same(target, in)) return Optional.of("it is one of the inputs; refusing to write over it");
        }
        if (Files.isDirectory(target)) return Optional.of("it is a directory, not a file to write");
        if (Files.exists(target) && !Files.isRegularFile(target)) return Optional.of("it is not a regular file");
        return folderRefusal(target);
    }

    /** Why the folder {@code target} would be written in cannot be, if it cannot (see {@link #refusal}). */
    public static Optional<String> folderRefusal(Path target) {
        Path dir = parent(target);
        return writableFolder(dir, "its folder ").or(() -> tryWriting(dir, name(target)));
    }

    /**
     * Why files cannot be written inside the folder {@code dir} (created if missing), if they cannot:
     * it is one of {@code inputs} or a file, or it cannot be created, or it is not writable.
     */
    public static Optional<String> folderOutputRefusal(Path dir, Collection<Path> inputs) {
        for (Path in : inputs) {
            if (same(dir, in)) return Optional.of("it is one of the inputs; refusing to write into it");
        }
        if (Files.exists(dir) && !Files.isDirectory(dir)) return Optional.of("it is a file, not a folder");
        Path abs = dir.toAbsolutePath();
        return writableFolder(abs, "").or(() -> tryWriting(abs, "probe"));
    }

    /**
     * Why no file can be made in {@code dir} right now, if none can: the missing folders are created, a temporary
     * file is created in it, and all of that is removed again, so the check leaves nothing behind.
     */
    private static Optional<String> tryWriting(Path dir, String name) {
        List<Path> made = new ArrayList<>();
        for (Path p = dir; p != null && !Files.exists(p); p = p.getParent()) made.add(p);
        try {
            Files.createDirectories(dir);
            Files.delete(Files.createTempFile(dir, "." + name + ".", ".probe"));
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(why(e, dir));
        } finally {
            for (Path m : made) { // deepest first
                try {
                    Files.deleteIfExists(m);
                } catch (IOException e) {
                    // not empty any more: someone else writes there, leave it
                }
            }
        }
    }

    private static String name(Path target) {
        Path n = target.getFileName();
        return n == null ? "out" : n.toString();
    }

    /** Can {@code dir} be written in, creating it (and missing parents) if needed? */
    private static Optional<String> writableFolder(Path dir, String what) {
        Path existing = dir;
        while (existing != null && !Files.exists(existing)) existing = existing.getParent();
        if (existing == null) return Optional.of(what + dir + " does not exist and cannot be created");
        if (!Files.isDirectory(existing)) {
            return Optional.of(what + dir + " does not exist and cannot be created (" + existing + " is a file, not a folder)");
        }
        if (!Files.isWritable(existing)) return Optional.of(what + existing + " is not writable");
        return Optional.empty();
    }

    /** Is {@code a} the same file as {@code b}? (Both must exist; links are followed.) */
    public static boolean same(Path a, Path b) {
        try {
            return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
        }
    }

    /** Writes text (UTF-8) atomically. */
    public static void write(Path target, String text) throws IOException {
        write(target, w -> w.write(text));
    }

    /** Writes a body (UTF-8) atomically: a temporary file in the target's folder, then a rename. */
    public static void write(Path target, Body body) throws IOException {
        writeBytes(target, o -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(o, StandardCharsets.UTF_8));
            body.write(w);
            w.close(); // flushes; a body may have closed it already (a CSV printer does)
        });
    }

    /** Writes bytes atomically: a temporary file in the target's folder, then a rename. */
    public static void writeBytes(Path target, Bytes body) throws IOException {
        Path dir = parent(target);
        Path tmp;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, "." + name(target) + ".", ".tmp");
        } catch (IOException e) {
            // the checks before the work cannot foresee everything (a read-only or virtual file system, a folder
            // made unwritable meanwhile, root for whom every folder looks writable)
            throw new CannotWrite(target, why(e, dir));
        }
        try {
            try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(tmp))) {
                body.write(o);
            }
            try {
                move(tmp, target);
            } catch (IOException e) {
                throw new CannotWrite(target, why(e, dir));
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * A file that could not be written though its checks passed: the commands print it as one line,
     * "derivcheck CMD: error: cannot write OUT: WHY", with exit 2 (cli/Main).
     */
    public static final class CannotWrite extends IOException {
        private final Path target;
        private final String why;

        public CannotWrite(Path target, String why) {
            super("cannot write " + target + ": " + why);
            this.target = target;
            this.why = why;
        }

        public Path target() { return target; }

        public String why() { return why; }
    }

    /** The refusal of {@code target} after {@code e}, met while making or filling the folder {@code dir}. */
    public static CannotWrite cannotWrite(Path target, Path dir, IOException e) { return new CannotWrite(target, why(e, dir)); }

    private static String why(IOException e, Path dir) {
        if (e instanceof java.nio.file.NoSuchFileException) return "the folder " + dir + " does not exist and cannot be created";
        if (e instanceof java.nio.file.AccessDeniedException) return "the folder " + dir + " is not writable (permission denied)";
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) return f.getReason();
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** Moves a finished file into place atomically, replacing the target (a plain move where the file system has no atomic one). */
    public static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The folder a file is (to be) in, absolute. */
    public static Path parent(Path file) {
        Path p = file.toAbsolutePath().getParent();
        return p == null ? Path.of(".").toAbsolutePath() : p;
    }
}
