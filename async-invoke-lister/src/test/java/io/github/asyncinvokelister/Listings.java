package io.github.asyncinvokelister;

import io.github.asyncinvokelister.emulator.BedrockRuntimeEmulator;
import io.github.asyncinvokelister.emulator.Invocation;
import java.util.Comparator;
import java.util.List;

/** What tests expect an emulator to list, as the library's records. */
final class Listings {
    private Listings() {
    }

    /** The emulator's invocations in the service's default order, newest first. */
    static List<AsyncInvokeSummary> newestFirst(BedrockRuntimeEmulator emulator) {
        return newestFirst(emulator.invocations());
    }

    /** Invocations in the service's default order, newest first. */
    static List<AsyncInvokeSummary> newestFirst(List<Invocation> invocations) {
        return invocations.stream()
                .sorted(Comparator.comparing(Invocation::submitTime).reversed())
                .map(Listings::summary)
                .toList();
    }

    /** What the lister should make of an invocation the emulator serves. */
    static AsyncInvokeSummary summary(Invocation invocation) {
        OutputDataConfig output = invocation.outputDataConfig() instanceof Invocation.S3Output s3
                ? new OutputDataConfig.S3(s3.s3Uri(), s3.kmsKeyId(), s3.bucketOwner())
                : new OutputDataConfig.Unknown(((Invocation.OtherOutput) invocation.outputDataConfig()).memberName());
        return new AsyncInvokeSummary(invocation.invocationArn(), invocation.modelArn(),
                invocation.clientRequestToken(), invocation.status(), invocation.failureMessage(),
                invocation.submitTime(), invocation.lastModifiedTime(), invocation.endTime(), output);
    }
}
