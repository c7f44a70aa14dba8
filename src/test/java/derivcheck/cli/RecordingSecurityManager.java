package derivcheck.cli;

import java.io.FilePermission;
import java.io.PrintStream;
import java.net.SocketPermission;
import java.security.Permission;
import java.util.ArrayList;
import java.util.List;

/**
 * Allows everything and records what a sandboxed run must never do: start a process (a file "execute"),
 * write or delete a file, or touch the network (any socket permission, DNS included). Installed in a child
 * JVM with -Djava.security.manager=derivcheck.cli.RecordingSecurityManager (JDK 17); prints one line
 * "sandbox-events: [...]" to stderr when the JVM exits.
 */
public final class RecordingSecurityManager extends SecurityManager {
    private final List<String> events = new ArrayList<>();
    private final PrintStream err = System.err;

    public RecordingSecurityManager() {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            synchronized (events) {
                err.println("sandbox-events: " + events);
            }
        }));
    }

    @Override public void checkPermission(Permission p) {
        String what = null;
        if (p instanceof FilePermission f) {
            String a = f.getActions();
            if (a.contains("write") || a.contains("delete") || a.contains("execute")) what = a + " " + f.getName();
        } else if (p instanceof SocketPermission s) {
            what = "socket " + s.getActions() + " " + s.getName();
        }
        if (what != null) {
            synchronized (events) {
                events.add(what);
            }
        }
    }

    @Override public void checkPermission(Permission p, Object context) { checkPermission(p); }
}
