package io.github.asyncinvokelister.emulator;

import java.util.Optional;
import software.amazon.awssdk.services.bedrockruntime.model.AsyncInvokeOutputDataConfig;
import software.amazon.awssdk.services.bedrockruntime.model.AsyncInvokeS3OutputDataConfig;
import software.amazon.awssdk.services.bedrockruntime.model.GetAsyncInvokeResponse;

/**
 * Turns what the AWS SDK parsed back into the emulator's records, to compare with what the emulator was told to
 * serve. The SDK drops an unknown union member's name, so both sides map {@code OtherOutput} to {@link #UNKNOWN_TO_SDK}.
 */
final class SdkSummaries {
    static final Invocation.Output UNKNOWN_TO_SDK = new Invocation.OtherOutput("(unknown to the SDK)");

    private SdkSummaries() {
    }

    static Invocation fromSdk(software.amazon.awssdk.services.bedrockruntime.model.AsyncInvokeSummary s) {
        return new Invocation(s.invocationArn(), s.modelArn(), Optional.ofNullable(s.clientRequestToken()),
                Optional.ofNullable(s.statusAsString()),
                Optional.ofNullable(s.failureMessage()), s.submitTime(), Optional.ofNullable(s.lastModifiedTime()),
                Optional.ofNullable(s.endTime()), output(s.outputDataConfig()));
    }

    static Invocation fromSdk(GetAsyncInvokeResponse s) {
        return new Invocation(s.invocationArn(), s.modelArn(), Optional.ofNullable(s.clientRequestToken()),
                Optional.ofNullable(s.statusAsString()),
                Optional.ofNullable(s.failureMessage()), s.submitTime(), Optional.ofNullable(s.lastModifiedTime()),
                Optional.ofNullable(s.endTime()), output(s.outputDataConfig()));
    }

    /** {@code invocation} as it looks after a trip through the SDK. */
    static Invocation asSdkSeesIt(Invocation invocation) {
        if (invocation.outputDataConfig() instanceof Invocation.OtherOutput) {
            return invocation.toBuilder().outputDataConfig(UNKNOWN_TO_SDK).build();
        }
        return invocation;
    }

    private static Invocation.Output output(AsyncInvokeOutputDataConfig config) {
        if (config.type() == AsyncInvokeOutputDataConfig.Type.S3_OUTPUT_DATA_CONFIG) {
            AsyncInvokeS3OutputDataConfig s3 = config.s3OutputDataConfig();
            return new Invocation.S3Output(s3.s3Uri(), Optional.ofNullable(s3.kmsKeyId()),
                    Optional.ofNullable(s3.bucketOwner()));
        }
        return UNKNOWN_TO_SDK;
    }
}
