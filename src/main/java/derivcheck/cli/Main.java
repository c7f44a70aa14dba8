package derivcheck.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "derivcheck", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {
            "Derive and check the answers of optimization and deep-learning exercises.",
            "",
            "A spec file (problems/*.prob) states an exercise: what is given, what is asked,",
            "and the expected answers. derivcheck derives the answer step by step with a",
            "computer-algebra system and verifies every result numerically, independently of",
            "the derivation; it checks hand-written answers and writes LaTeX solution sheets."},
        subcommands = {ParseCommand.class, WarmupCommand.class, DeriveCommand.class, SheetCommand.class, VerifyCommand.class, CheckCommand.class, TestCommand.class, ServeCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 ok, 1 a check failed, 2 bad input (the message says where).",
            "Run 'derivcheck COMMAND --help' for a command's options."})
public final class Main implements Runnable {
    /** The version from the jar's manifest, or "dev" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"derivcheck " + (v == null ? "dev" : v)};
        }
    }

    @Override public void run() {
        new CommandLine(this).usage(System.out);
    }

    /** Runs a command line and returns its exit code; never throws. */
    public static int execute(String... args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setUsageHelpWidth(110); // the descriptions are written in lines of up to ~100 characters
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            cmd.getErr().println("derivcheck: internal error: " + ex);
            if (System.getenv("DERIVCHECK_DEBUG") != null) ex.printStackTrace(cmd.getErr());
            else cmd.getErr().println("(set DERIVCHECK_DEBUG=1 to see where; please report it)");
            return 3;
        });
        cl.setErr(new PrintWriter(System.err, true));
        int code = cl.execute(args);
        return code == CommandLine.ExitCode.USAGE ? ExitCode.BAD_INPUT : code;
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }
}
