package dev.flotilla.config.targeting;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * One condition on the evaluation context: {@code attribute} (a top-level context key), an {@code operator}
 * ({@link Operator}), and the operand: {@code value} for the operators that compare with one,
 * {@code values} for the set operators ({@code in}, {@code notIn}, {@code inSegment}, {@code notInSegment}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConditionSpec(
        @Size(max = ConditionSpec.MAX_ATTRIBUTE) String attribute,
        @NotNull @Size(max = 40) String operator,
        Object value,
        @Size(max = ConditionSpec.MAX_VALUES) List<Object> values) {

    public static final int MAX_ATTRIBUTE = 200;
    public static final int MAX_VALUES = 1_000;
}
