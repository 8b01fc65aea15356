package io.syndication.http;

import java.io.IOException;
import java.time.Instant;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * An instant in JSON is ISO-8601 text, as every answer writes it. Jackson would also take a number, as
 * seconds since 1970, and wraps one too large for an instant into another instant without a word, so a
 * client's mistake could silently become a different time: a number is refused instead (400, like any
 * value of the wrong JSON type).
 */
@Singleton
public class InstantsAsText implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("instants-as-text").addDeserializer(Instant.class, new TextInstant()));
    }

    /** After the customizer that registers java.time's own deserializers, so that this one takes precedence. */
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
}
