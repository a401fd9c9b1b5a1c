package io.github.asyncinvokelister.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top of the command tree; on its own it only shows the usage. */
@Command(name = "async-invoke-lister", mixinStandardHelpOptions = true, versionProvider = RootCommand.Version.class,
        usageHelpWidth = 100,
        description = {
            "Lists Amazon Bedrock asynchronous invocations like `aws bedrock-runtime list-async-invokes`, streaming.",
            "Exit codes are the AWS CLI's: 252 bad flags, 253 bad configuration, 254 service error, 255 other."})
final class RootCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.USAGE;
    }

    /** The version in the jar's manifest. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = RootCommand.class.getPackage().getImplementationVersion();
            return new String[] {"async-invoke-lister " + (version == null ? "(development build)" : version)};
        }
    }
}
