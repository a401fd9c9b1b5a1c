package io.github.asyncinvokelister.emulator;

import io.github.asyncinvokelister.AsyncInvokeSummary;
import io.github.asyncinvokelister.OutputDataConfig;
import java.util.Optional;
import software.amazon.awssdk.services.bedrockruntime.model.AsyncInvokeOutputDataConfig;
import software.amazon.awssdk.services.bedrockruntime.model.AsyncInvokeS3OutputDataConfig;
import software.amazon.awssdk.services.bedrockruntime.model.GetAsyncInvokeResponse;

/**
 * Turns what the AWS SDK parsed back into the library's records, to compare with what the emulator was told to
 * serve. The SDK drops an unknown union member's name, so both sides map {@code Unknown} to {@link #UNKNOWN_TO_SDK}.
 */
final class SdkSummaries {
    static final OutputDataConfig UNKNOWN_TO_SDK = new OutputDataConfig.Unknown("(unknown to the SDK)");

    private SdkSummaries() {
    }

    static AsyncInvokeSummary fromSdk(software.amazon.awssdk.services.bedrockruntime.model.AsyncInvokeSummary s) {
        return new AsyncInvokeSummary(s.invocationArn(), s.modelArn(), Optional.ofNullable(s.clientRequestToken()),
                Optional.ofNullable(s.statusAsString()),
                Optional.ofNullable(s.failureMessage()), s.submitTime(), Optional.ofNullable(s.lastModifiedTime()),
                Optional.ofNullable(s.endTime()), output(s.outputDataConfig()));
    }

    static AsyncInvokeSummary fromSdk(GetAsyncInvokeResponse s) {
        return new AsyncInvokeSummary(s.invocationArn(), s.modelArn(), Optional.ofNullable(s.clientRequestToken()),
                Optional.ofNullable(s.statusAsString()),
                Optional.ofNullable(s.failureMessage()), s.submitTime(), Optional.ofNullable(s.lastModifiedTime()),
                Optional.ofNullable(s.endTime()), output(s.outputDataConfig()));
    }

    /** {@code summary} as it looks after a trip through the SDK. */
    static AsyncInvokeSummary asSdkSeesIt(AsyncInvokeSummary summary) {
        if (summary.outputDataConfig() instanceof OutputDataConfig.Unknown) {
            return new AsyncInvokeSummary(summary.invocationArn(), summary.modelArn(), summary.clientRequestToken(),
                    summary.statusValue(), summary.failureMessage(), summary.submitTime(),
                    summary.lastModifiedTime(), summary.endTime(), UNKNOWN_TO_SDK);
        }
        return summary;
    }

    private static OutputDataConfig output(AsyncInvokeOutputDataConfig config) {
        if (config.type() == AsyncInvokeOutputDataConfig.Type.S3_OUTPUT_DATA_CONFIG) {
            AsyncInvokeS3OutputDataConfig s3 = config.s3OutputDataConfig();
            return new OutputDataConfig.S3(s3.s3Uri(), Optional.ofNullable(s3.kmsKeyId()),
                    Optional.ofNullable(s3.bucketOwner()));
        }
        return UNKNOWN_TO_SDK;
    }
}
