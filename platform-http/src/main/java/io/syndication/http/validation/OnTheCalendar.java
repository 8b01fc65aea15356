package io.syndication.http.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Instant;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * An instant the platform can hold: from 1970 to the end of 9999. Java reads instants a billion
 * years out and PostgreSQL refuses those past 294276 AD; neither is a time anything airs, and the
 * arithmetic on them (a slot's end, a guide's days) would overflow.
 */
@Documented
@Constraint(validatedBy = OnTheCalendar.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface OnTheCalendar {

    Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    String message() default "must lie between 1970 and 9999";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<OnTheCalendar, Instant> {

        @Override
        public boolean isValid(Instant value, ConstraintValidatorContext context) {
            return value == null || holds(value);
        }

        public static boolean holds(Instant value) {
            return !value.isBefore(EARLIEST) && !value.isAfter(LATEST);
        }
    }
}
