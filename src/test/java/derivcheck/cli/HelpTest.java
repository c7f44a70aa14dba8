package derivcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every command answers --help (and -h) with its own help, exit code 0 and no picocli warning. */
class HelpTest {
    /** Every command of the tree, as the words that reach it ("derive", "grade", …), hidden ones included. */
    private static List<String> commands() {
        List<String> names = new ArrayList<>();
        for (var e : Main.commandLine().getSubcommands().entrySet()) {
            if (e.getValue().getCommand() instanceof CommandLine.HelpCommand) continue;
            // aliases map to the same CommandLine; keep the command's own name only
            if (e.getKey().equals(e.getValue().getCommandName())) names.add(e.getKey());
        }
        return names;
    }

    @Test void theCommandTreeHasTheCommandsOfTheManual() {
        List<String> names = commands();
        for (String c : List.of("parse", "derive", "sheet", "verify", "check", "test", "new")) {
            assertTrue(names.contains(c), c + " in " + names);
        }
    }

    @Test void everyCommandsHelpExitsZeroAndPrintsItsOwnUsage() {
        for (String c : commands()) {
            for (String flag : List.of("--help", "-h")) {
                ParseCommandTest.Run r = ParseCommandTest.run(c, flag);
                assertEquals(ExitCode.OK, r.code(), c + " " + flag + ": " + r.err());
                assertTrue(r.out().contains("Usage: derivcheck " + c), c + " " + flag + ": " + r.out());
                assertFalse(r.err().contains("WARN"), c + " " + flag + ": " + r.err());
                assertFalse(r.err().contains("Missing required"), c + " " + flag + ": " + r.err());
            }
        }
    }

    @Test void theTopLevelHelpAndTheHelpCommandExitZero() {
        ParseCommandTest.Run top = ParseCommandTest.run("--help");
        assertEquals(ExitCode.OK, top.code());
        assertTrue(top.out().contains("Usage: derivcheck"), top.out());
        ParseCommandTest.Run help = ParseCommandTest.run("help", "derive");
        assertEquals(ExitCode.OK, help.code());
        assertTrue(help.out().contains("Usage: derivcheck derive"), help.out());
    }

    @Test void aMissingParameterIsStillBadInput() {
        assertEquals(ExitCode.BAD_INPUT, ParseCommandTest.run("derive").code());
    }
}
