package io.github.asyncinvokelister.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TimestampsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "2025-03-01                       | 2025-03-01T00:00:00Z",
        "2025-03-01T12:00                 | 2025-03-01T12:00:00Z",
        "2025-03-01T12:00:00              | 2025-03-01T12:00:00Z",
        "2025-03-01 12:00:00              | 2025-03-01T12:00:00Z",
        "2025-03-01T12:00:00Z             | 2025-03-01T12:00:00Z",
        "2025-03-01t12:00:00z             | 2025-03-01T12:00:00Z",
        "2025-03-01T12:00:00.5+02:00      | 2025-03-01T10:00:00.500Z",
        "2025-03-01T12:00:00.123456789Z   | 2025-03-01T12:00:00.123456789Z",
        "2025-03-01T12:00:00-0530         | 2025-03-01T17:30:00Z",
        "2025-03-01T12:00:00+02           | 2025-03-01T10:00:00Z",
        "1740787200                       | 2025-03-01T00:00:00Z",
        "1740787200.25                    | 2025-03-01T00:00:00.250Z",
        "-1.5                             | 1969-12-31T23:59:58.500Z",
        "0                                | 1970-01-01T00:00:00Z",
    })
    void readsTheFormsTheAwsCliTakes(String text, String expected) {
        assertThat(Timestamps.parse(text)).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "yesterday", "2025-13-01", "2025-02-30", "2025-03-01T25:00", "2025/03/01",
        "1e9", "2025-03-01T12:00:00+25:00", "99999999999999999999999"})
    void rejectsAnythingElseQuotingIt(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> Timestamps.parse(text))
                .withMessageContaining("'" + text + "'");
    }

    @Test
    void writesMillisecondsAsTheServiceDoesAndKeepsFinerDigits() {
        assertThat(Timestamps.format(Instant.parse("2025-03-04T05:06:07Z"))).isEqualTo("2025-03-04T05:06:07.000Z");
        assertThat(Timestamps.format(Instant.parse("2025-03-04T05:06:07.1Z"))).isEqualTo("2025-03-04T05:06:07.100Z");
        assertThat(Timestamps.format(Instant.parse("2025-03-04T05:06:07.123456Z")))
                .isEqualTo("2025-03-04T05:06:07.123456Z");
    }
}
