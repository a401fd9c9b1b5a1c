package io.github.asyncinvokelister.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads an enum flag by the constants' {@code toString()}, which for the library's enums is the service's wire value
 * ({@code InProgress}, {@code SubmissionTime}, {@code Descending}): the values the AWS CLI takes, case-sensitive as
 * the service is. A constant whose {@code toString()} is {@code null} ({@code InvocationStatus.UNKNOWN}) is not a
 * value a user can give.
 *
 * @param <E> the enum
 */
final class WireValueConverter<E extends Enum<E>> implements ITypeConverter<E> {
    private final Class<E> type;

    WireValueConverter(Class<E> type) {
        this.type = Objects.requireNonNull(type, "type");
    }

    /** The values accepted, in declaration order. */
    List<String> values() {
        List<String> values = new ArrayList<>();
        for (E constant : type.getEnumConstants()) {
            if (constant.toString() != null) {
                values.add(constant.toString());
            }
        }
        return values;
    }

    @Override
    public E convert(String value) {
        for (E constant : type.getEnumConstants()) {
            if (value.equals(constant.toString())) {
                return constant;
            }
        }
        throw new TypeConversionException("expected one of " + String.join(", ", values())
                + " (case-sensitive) but was '" + value + "'");
    }
}
