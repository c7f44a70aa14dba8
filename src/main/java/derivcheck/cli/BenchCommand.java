package derivcheck.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "bench", description = {"Measure check and grade speed (see docs/grade.md)."})
final class BenchCommand implements Callable<Integer> {
    @Override public Integer call() { return ExitCode.OK; }
}
