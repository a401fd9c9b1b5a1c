package io.github.asyncinvokelister.cli;

import static java.time.temporal.ChronoField.HOUR_OF_DAY;
import static java.time.temporal.ChronoField.MINUTE_OF_HOUR;
import static java.time.temporal.ChronoField.NANO_OF_SECOND;
import static java.time.temporal.ChronoField.SECOND_OF_MINUTE;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Timestamps in and out: the forms the AWS CLI takes for a timestamp flag, and the form the service writes. */
final class Timestamps {
    /** Seconds since the epoch, as botocore takes them before trying a date ({@code float(value)}). */
    private static final Pattern EPOCH_SECONDS = Pattern.compile("[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)");
    /**
     * ISO 8601 as dateutil reads it for botocore: a date, optionally a time ({@code T} or a space, seconds and a
     * fraction optional) and optionally an offset ({@code Z}, {@code +02:00}, {@code +0200} or {@code +02}).
     */
    private static final DateTimeFormatter ISO_8601 = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart()
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .appendValue(HOUR_OF_DAY, 2).appendLiteral(':').appendValue(MINUTE_OF_HOUR, 2)
            .optionalStart().appendLiteral(':').appendValue(SECOND_OF_MINUTE, 2)
            .optionalStart().appendFraction(NANO_OF_SECOND, 1, 9, true).optionalEnd()
            .optionalEnd()
            .optionalStart().appendOffset("+HH:MM:ss", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMMss", "Z").optionalEnd()
            .optionalStart().appendOffset("+HH", "Z").optionalEnd()
            .optionalEnd()
            .toFormatter(Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);
    /** The service's timestamps: UTC with milliseconds, such as {@code 2025-03-04T05:06:07.123Z}. */
    private static final DateTimeFormatter MILLIS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private Timestamps() {
    }

    /**
     * Reads a timestamp flag as the AWS CLI does: seconds since the epoch ({@code 1740787200}, {@code 1740787200.5})
     * or ISO 8601 ({@code 2025-03-01}, {@code 2025-03-01T12:00:00Z}, {@code 2025-03-01T12:00:00.5+02:00}). Without
     * an offset it is UTC, as botocore makes it.
     *
     * @throws IllegalArgumentException if {@code text} is neither
     */
    static Instant parse(String text) {
        String value = text.strip();
        if (EPOCH_SECONDS.matcher(value).matches()) {
            BigDecimal seconds = new BigDecimal(value);
            try {
                BigDecimal whole = seconds.setScale(0, RoundingMode.FLOOR);
                long nanos = seconds.subtract(whole).movePointRight(9).longValue();
                return Instant.ofEpochSecond(whole.longValueExact(), nanos);
            } catch (ArithmeticException | DateTimeException e) {
                throw new IllegalArgumentException("seconds since the epoch out of range: '" + text + "'", e);
            }
        }
        try {
            TemporalAccessor parsed = ISO_8601.parseBest(value, OffsetDateTime::from, LocalDateTime::from,
                    LocalDate::from);
            if (parsed instanceof OffsetDateTime offset) {
                return offset.toInstant();
            } else if (parsed instanceof LocalDateTime local) {
                return local.toInstant(ZoneOffset.UTC);
            }
            return ((LocalDate) parsed).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("not a timestamp: '" + text + "'; use ISO 8601, such as 2025-03-01 or"
                    + " 2025-03-01T12:00:00Z, or seconds since the epoch", e);
        }
    }

    /** A timestamp as the service writes it: milliseconds, or every digit of a finer instant rather than lose any. */
    static String format(Instant instant) {
        return instant.getNano() % 1_000_000 == 0
                ? MILLIS.format(instant)
                : DateTimeFormatter.ISO_INSTANT.format(instant);
    }

    /** Picocli's hook for {@link #parse}. */
    static final class Converter implements ITypeConverter<Instant> {
        @Override
        public Instant convert(String value) {
            try {
                return parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
