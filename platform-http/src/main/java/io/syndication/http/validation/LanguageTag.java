package io.syndication.http.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.Set;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A well-formed BCP 47 language tag whose language is an ISO 639-1 code and whose region, if any,
 * is an ISO 3166-1 country: {@code en}, {@code en-SG}, {@code zh-Hant-HK}, {@code hi-IN}.
 */
@Documented
@Constraint(validatedBy = LanguageTag.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface LanguageTag {

    String message() default "must be a BCP 47 language tag such as en, en-SG or zh-Hant-HK";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<LanguageTag, String> {

        private static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());
        private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            try {
                Locale locale = new Locale.Builder().setLanguageTag(value).build();
                return LANGUAGES.contains(locale.getLanguage())
                        && (locale.getCountry().isEmpty() || COUNTRIES.contains(locale.getCountry()))
                        && locale.getVariant().isEmpty();
            } catch (IllformedLocaleException e) {
                return false;
            }
        }
    }
}
