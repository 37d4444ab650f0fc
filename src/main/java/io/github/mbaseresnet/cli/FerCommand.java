package io.github.mbaseresnet.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.Map;

/**
 * {@code fer}: the jobs around the reproduction tests (issue 7). Exit codes follow picocli's conventions: 0 success,
 * 1 a run that failed on its input (message on stderr, stack trace only with {@code --verbose}), 2 a usage error.
 */
@Command(name = "fer", mixinStandardHelpOptions = true, versionProvider = FerCommand.Version.class,
        description = "MBA-SE-ResNet reproducibility harness: train and inspect the paper's networks.",
        subcommands = {DatasetsCommand.class, PrepareCommand.class, TrainCommand.class, EvaluateCommand.class,
                PredictCommand.class, ModelCommand.class, ReportCommand.class, MergeCommand.class, GpuCommand.class,
                CommandLine.HelpCommand.class})
public final class FerCommand {

    public static void main(String[] args) {
        java.util.List<String> raw = java.util.Arrays.asList(args);
        quietNativeLogs(raw);
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        // SameDiff prints "Added differentiated op ..." with System.out.println while a network is built: stdout is
        // for results (scripts parse it), so library chatter goes to stderr, or nowhere with --quiet
        System.setOut(raw.contains("-q") || raw.contains("--quiet")
                ? new java.io.PrintStream(java.io.OutputStream.nullOutputStream()) : System.err);
        int code = run(args, out, err);
        out.flush(); // autoflush covers println only: output printed with print must not be lost at exit
        err.flush();
        System.exit(code);
    }

    /**
     * ND4J and DL4J log their backend banner at INFO through slf4j-simple, before any option could act: stderr is for
     * progress and errors, so their INFO lines are shown only with {@code --verbose}. A logger level the user set
     * ({@code -Dorg.slf4j.simpleLogger.log.org.nd4j=info} in FER_JAVA_OPTS) is left alone. Must run before the first
     * logger exists, hence from {@code main} on the raw arguments.
     */
    static void quietNativeLogs(java.util.List<String> args) {
        if (args.contains("-v") || args.contains("--verbose")) {
            return;
        }
        // ImportClassMapping warns about TensorFlow op names of no concern to us on every start
        Map.of("org.nd4j", "warn", "org.deeplearning4j", "warn", "org.nd4j.imports.converters.ImportClassMapping",
                "error").forEach((logger, level) -> {
                    String key = "org.slf4j.simpleLogger.log." + logger;
                    if (System.getProperty(key) == null) {
                        System.setProperty(key, level);
                    }
                });
    }

    /** Runs the command line in-process (tests call this) and returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new FerCommand());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parsed) -> {
            Object command = commandLine.getCommand();
            boolean verbose = command instanceof CommonOptions.Holder h && h.common().verbose;
            commandLine.getErr().println("fer " + commandLine.getCommandName() + ": " + e.getMessage());
            if (verbose) {
                e.printStackTrace(commandLine.getErr());
            }
            return 1;
        });
        return cli.execute(args);
    }

    /** The version from the build (harness.properties). */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            var env = io.github.mbaseresnet.report.EnvironmentInfo.collect();
            return new String[] {"fer " + env.get("harness.version") + " (DL4J " + env.get("dl4j.version") + ")"};
        }
    }
}
