package io.github.asyncinvokelister.cli;

import io.github.asyncinvokelister.InvocationStatus;
import io.github.asyncinvokelister.SortBy;
import io.github.asyncinvokelister.SortOrder;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import picocli.CommandLine;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The command-line tool's entry point: {@code java -jar async-invoke-lister-cli-<version>-all.jar <command>}.
 *
 * <pre>{@code
 * java -jar async-invoke-lister-cli-0.1.0-all.jar list-async-invokes --region us-east-1 --status-equals Failed
 * java -jar async-invoke-lister-cli-0.1.0-all.jar list-async-invokes --emulator --max-items 20 --output table
 * java -jar async-invoke-lister-cli-0.1.0-all.jar emulator --port 8080
 * }</pre>
 *
 * <p>{@code list-async-invokes} (or {@code list}) takes the flags of {@code aws bedrock-runtime list-async-invokes}
 * and prints what it prints; {@code emulator} runs the embedded emulator in the foreground. {@code --help} on either
 * lists its flags. Exit codes are the AWS CLI's: 0 success, 252 a bad flag, 253 bad configuration (no region), 254 a
 * service error, 255 anything else.
 */
public final class Main {
    private Main() {
    }

    /**
     * Runs a command and exits with its exit code. Output is UTF-8, whatever the platform's default, as the AWS
     * CLI's is; logging is at WARN unless {@code org.slf4j.simpleLogger.defaultLogLevel} says otherwise.
     *
     * @param args the command and its flags
     */
    public static void main(String[] args) {
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
            // --no-verify-ssl prints its own one-line warning; the SDK's would be a second.
            System.setProperty("org.slf4j.simpleLogger.log.software.amazon.awssdk.http.apache.ApacheHttpClient",
                    "error");
        }
        PrintWriter out = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.out),
                StandardCharsets.UTF_8));
        PrintWriter err = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.err),
                StandardCharsets.UTF_8), true);
        int exitCode = execute(commandLine(Dependencies.system(), out, err), args);
        out.flush();
        err.flush();
        // Returning keeps `mvn exec:java` alive after a success; an error must reach the shell.
        if (exitCode != ExitCode.OK) {
            System.exit(exitCode);
        }
    }

    /**
     * Runs {@code args}; a trailing {@code help}, as the AWS CLI takes it ({@code list-async-invokes help}), shows the
     * usage of the command before it and exits 0, unless it is the value of the flag before it ({@code --query help}).
     *
     * @param commandLine the command tree
     * @param args the command and its flags
     * @return the exit code
     */
    static int execute(CommandLine commandLine, String... args) {
        if (args.length > 0 && args[args.length - 1].equals("help")) {
            CommandLine target;
            try {
                ParseResult parsed = commandLine.parseArgs(Arrays.copyOf(args, args.length - 1));
                while (parsed.hasSubcommand()) {
                    parsed = parsed.subcommand();
                }
                target = parsed.commandSpec().commandLine();
            } catch (MissingParameterException e) {
                // A required flag is missing, and the help says which; or the flag before "help" takes it as its value.
                String previous = args.length > 1 ? args[args.length - 2] : "";
                OptionSpec option = e.getCommandLine().getCommandSpec().findOption(previous);
                target = option != null && option.arity().min() > 0 ? null : e.getCommandLine();
            } catch (ParameterException e) {
                target = null; // "help" is a flag's value, or the flags are bad either way: run them as given
            }
            if (target != null) {
                target.usage(target.getOut());
                target.getOut().flush();
                return ExitCode.OK;
            }
        }
        return commandLine.execute(args);
    }

    /** The command tree over {@code dependencies}, writing to {@code out} and {@code err}. */
    static CommandLine commandLine(Dependencies dependencies, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new RootCommand())
                .addSubcommand(new ListCommand(dependencies))
                .addSubcommand(new CommandLine(new WaitCommand())
                        .addSubcommand(new WaitCommand.AsyncInvokeCompleted(dependencies)))
                .addSubcommand(new WatchCommand(dependencies))
                .addSubcommand(new EmulatorCommand(dependencies.foreground()));
        // Registered after the subcommands are added, so that it reaches them.
        commandLine.registerConverter(InvocationStatus.class, new WireValueConverter<>(InvocationStatus.class));
        commandLine.registerConverter(SortBy.class, new WireValueConverter<>(SortBy.class));
        commandLine.registerConverter(SortOrder.class, new WireValueConverter<>(SortOrder.class));
        commandLine.registerConverter(OutputFormat.class, new WireValueConverter<>(OutputFormat.class));
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setParameterExceptionHandler((e, args) -> {
            // One line that names the flag, as for every input error; --help has the rest.
            e.getCommandLine().getErr().println("error: " + e.getMessage());
            return ExitCode.USAGE;
        });
        commandLine.setExecutionExceptionHandler((e, line, parseResult) -> {
            if (e instanceof ConfigurationException configuration) {
                // An unknown profile, no region, no credentials: the AWS CLI's one line, before any request.
                line.getErr().println(configuration.getMessage());
                return ExitCode.CONFIGURATION;
            }
            line.getErr().println("error: " + e);
            return ExitCode.OTHER_ERROR;
        });
        return commandLine;
    }
}
