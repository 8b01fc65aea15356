package io.syndication.partner.webhooks;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.inject.Inject;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import io.syndication.http.ProblemException;

/** A URL webhooks may be posted to ({@link WebhookDestinations}), checked with the request's other fields. */
@Documented
@Constraint(validatedBy = WebhookUrl.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface WebhookUrl {

    String message() default "must be an https URL on a public host, such as https://hooks.example.com/syndication";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<WebhookUrl, String> {

        @Inject
        WebhookDestinations destinations;

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            try {
                destinations.check(value, "url");
                return true;
            } catch (ProblemException refused) {
                return false;
            }
        }
    }
}
