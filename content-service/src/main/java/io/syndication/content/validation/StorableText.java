package io.syndication.content.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** Text PostgreSQL can store or search: JSON and URLs can carry the NUL character (U+0000), PostgreSQL text cannot. */
@Documented
@Constraint(validatedBy = StorableText.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface StorableText {

    String message() default "must not contain the NUL character (U+0000)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<StorableText, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || holds(value);
        }

        public static boolean holds(String value) {
            return value.indexOf('\0') < 0;
        }
    }
}
