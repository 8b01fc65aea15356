package io.syndication.content.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.URI;
import java.time.Instant;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import io.syndication.content.ContentKind;

/**
 * The rules between an item's fields: a live event has a planned start and end and no duration, a
 * programme or clip a duration of 1 s to 24 h and no start or end; a rights window ends after it
 * starts; media is HLS (.m3u8) or MP4. Each broken rule names its field.
 */
@Documented
@Constraint(validatedBy = ConsistentContent.Validator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface ConsistentContent {

    String message() default "is inconsistent";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The fields the rules read, from whatever request carries them. */
    interface Described {

        ContentKind kind();

        Integer durationSeconds();

        Instant start();

        Instant end();

        String mediaUrl();

        Instant availableFrom();

        Instant availableUntil();
    }

    class Validator implements ConstraintValidator<ConsistentContent, Described> {

        static final int MAX_DURATION_SECONDS = 24 * 60 * 60;

        @Override
        public boolean isValid(Described item, ConstraintValidatorContext context) {
            if (item == null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            boolean valid = true;
            if (item.kind() == ContentKind.LIVE_EVENT) {
                valid &= require(item.start() != null, "start", "is required for a LIVE_EVENT", context);
                valid &= require(item.end() != null, "end", "is required for a LIVE_EVENT", context);
                valid &= require(item.start() == null || item.end() == null || item.end().isAfter(item.start()),
                        "end", "must be after start", context);
                valid &= require(item.durationSeconds() == null, "durationSeconds",
                        "must be absent for a LIVE_EVENT: its length is end - start", context);
            } else if (item.kind() != null) {
                valid &= require(item.durationSeconds() != null, "durationSeconds",
                        "is required for a " + item.kind(), context);
                valid &= require(item.durationSeconds() == null
                        || (item.durationSeconds() >= 1 && item.durationSeconds() <= MAX_DURATION_SECONDS),
                        "durationSeconds", "must be between 1 and " + MAX_DURATION_SECONDS + " (24 h)", context);
                valid &= require(item.start() == null && item.end() == null, "start",
                        "start and end are only for a LIVE_EVENT", context);
            }
            valid &= require(item.availableFrom() == null || item.availableUntil() == null
                    || item.availableUntil().isAfter(item.availableFrom()),
                    "availableUntil", "must be after availableFrom (the window is half-open)", context);
            valid &= require(item.mediaUrl() == null || isStream(item.mediaUrl()), "mediaUrl",
                    "must be an HLS (.m3u8) or MP4 (.mp4) URL", context);
            return valid;
        }

        private static boolean isStream(String url) {
            try {
                String path = URI.create(url).getPath();
                return path != null && (path.endsWith(".m3u8") || path.endsWith(".mp4"));
            } catch (IllegalArgumentException e) {
                return true; // @HttpsUrl reports a malformed URL
            }
        }

        private static boolean require(boolean rule, String field, String message, ConstraintValidatorContext context) {
            if (!rule) {
                context.buildConstraintViolationWithTemplate(message).addPropertyNode(field).addConstraintViolation();
            }
            return rule;
        }
    }
}
