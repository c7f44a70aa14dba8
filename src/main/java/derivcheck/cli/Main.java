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
        subcommands = {ParseCommand.class, NewCommand.class, WarmupCommand.class, DeriveCommand.class, SheetCommand.class, VerifyCommand.class, CheckCommand.class, GradeCommand.class, BenchCommand.class, CohortCommand.class, TestCommand.class, ServeCommand.class, CommandLine.HelpCommand.class},
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

    /**
     * The stack of the thread that runs a command. Walks over expressions are recursive; the input
     * caps (docs/limits.md) bound an answer to {@code InputLimits.MAX_ANSWER_CHARS} characters and
     * {@code MAX_NESTING} levels, and this stack holds the deepest tree those allow (a flat sum of
     * thousands of terms is a left-deep tree) with room to spare. Only the pages used are committed.
     */
    static final long STACK_BYTES = 512L << 20;

    /** Runs a command line and returns its exit code; never throws. */
    public static int execute(String... args) {
        int[] code = {3};
        Thread t = new Thread(null, () -> {
            try {
                code[0] = executeHere(args);
            } catch (StackOverflowError | OutOfMemoryError e) {
                // a last resort: the input caps should have refused such input with its position
                System.err.println("derivcheck: the input is too deep or too large to process ("
                        + e.getClass().getSimpleName() + "); see docs/limits.md");
                code[0] = ExitCode.BAD_INPUT;
            }
        }, "derivcheck-main", STACK_BYTES);
        t.start();
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return code[0];
    }

    private static int executeHere(String... args) {
        CommandLine cl = commandLine();
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            if (ex instanceof derivcheck.io.OutputFiles.CannotWrite w) {
                // an output that passed its checks but could not be written: bad input, one line (docs/limits.md)
                cmd.getErr().println("derivcheck " + cmd.getCommandName() + ": error: cannot write " + w.target() + ": " + w.why());
                return ExitCode.BAD_INPUT;
            }
            cmd.getErr().println("derivcheck: internal error: " + ex);
            if (System.getenv("DERIVCHECK_DEBUG") != null) ex.printStackTrace(cmd.getErr());
            else cmd.getErr().println("(set DERIVCHECK_DEBUG=1 to see where; please report it)");
            return 3;
        });
        cl.setErr(new PrintWriter(System.err, true));
        int code = cl.execute(args);
        return code == CommandLine.ExitCode.USAGE ? ExitCode.BAD_INPUT : code;
    }

    /**
     * The configured command tree. Every command, including those added later, gets {@code -h/--help}
     * here: picocli answers a help request before it checks required parameters, so
     * {@code COMMAND --help} prints the command's help and exits 0.
     */
    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setUsageHelpWidth(110); // the descriptions are written in lines of up to ~100 characters
        addHelp(cl);
        return cl;
    }

    private static void addHelp(CommandLine cl) {
        CommandLine.Model.CommandSpec spec = cl.getCommandSpec();
        boolean has = spec.options().stream().anyMatch(CommandLine.Model.OptionSpec::usageHelp);
        if (!has && !(cl.getCommand() instanceof CommandLine.HelpCommand)) {
            spec.addOption(CommandLine.Model.OptionSpec.builder("-h", "--help").usageHelp(true)
                    .description("Show this help message and exit.").build());
        }
        for (CommandLine sub : cl.getSubcommands().values()) addHelp(sub);
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }
}
