package io.syndication.http;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * An instant in JSON is ISO-8601 text, as every answer writes it. Jackson would also take a number, as
 * seconds since 1970, and wraps one too large for an instant into another instant without a word, so a
 * client's mistake could silently become a different time: a number is refused instead (400, like any
 * value of the wrong JSON type). An answer writes each instant as {@link Instant#toString()} does, but
 * digit by digit rather than through java.time's general formatter: a catalogue page of 50 items has
 * 300 instants, and the formatter was a tenth of the page's CPU on content-service.
 */
@Singleton
public class InstantsAsText implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("instants-as-text").addDeserializer(Instant.class, new TextInstant())
                .addSerializer(Instant.class, new IsoInstant()));
    }

    /** After the customizer that registers java.time's own (de)serializers, so that these take precedence. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    private static final class TextInstant extends StdScalarDeserializer<Instant> {

        TextInstant() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (Instant) context.handleUnexpectedToken(Instant.class, parser);
            }
            return InstantDeserializer.INSTANT.deserialize(parser, context);
        }
    }

    /** Writes an instant as {@link Instant#toString()} does: ISO-8601 in UTC, its fraction in groups of three digits. */
    static final class IsoInstant extends StdScalarSerializer<Instant> {

        /** From the first of year 0 to the end of 9999: the years {@link Instant#toString()} writes in four digits. */
        private static final long FIRST_SECOND = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
        private static final long LAST_SECOND = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();

        IsoInstant() {
            super(Instant.class);
        }

        @Override
        public void serialize(Instant instant, JsonGenerator generator, SerializerProvider provider) throws IOException {
            if (instant.getEpochSecond() < FIRST_SECOND || instant.getEpochSecond() > LAST_SECOND) {
                generator.writeString(instant.toString());
                return;
            }
            LocalDateTime utc = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
            char[] text = new char["yyyy-mm-ddThh:mm:ss.nnnnnnnnnZ".length()];
            int end = digits(text, 0, utc.getYear(), 4);
            text[end++] = '-';
            end = digits(text, end, utc.getMonthValue(), 2);
            text[end++] = '-';
            end = digits(text, end, utc.getDayOfMonth(), 2);
            text[end++] = 'T';
            end = digits(text, end, utc.getHour(), 2);
            text[end++] = ':';
            end = digits(text, end, utc.getMinute(), 2);
            text[end++] = ':';
            end = digits(text, end, utc.getSecond(), 2);
            int nano = instant.getNano();
            if (nano != 0) {
                text[end++] = '.';
                if (nano % 1_000_000 == 0) {
                    end = digits(text, end, nano / 1_000_000, 3);
                } else if (nano % 1_000 == 0) {
                    end = digits(text, end, nano / 1_000, 6);
                } else {
                    end = digits(text, end, nano, 9);
                }
            }
            text[end++] = 'Z';
            generator.writeString(text, 0, end);
        }

        /** Writes {@code value} in {@code width} decimal digits, zero-padded, at {@code start}; returns where they end. */
        private static int digits(char[] text, int start, int value, int width) {
            for (int i = start + width - 1; i >= start; i--) {
                text[i] = (char) ('0' + value % 10);
                value /= 10;
            }
            return start + width;
        }
    }
}
