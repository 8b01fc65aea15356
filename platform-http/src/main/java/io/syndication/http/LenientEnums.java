package io.syndication.http;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * A value another service adds to one of its vocabularies later (a status, a kind, a reason)
 * reads as the enum's {@code @JsonEnumDefaultValue} constant instead of failing the call: an
 * answer is never lost to a word this service does not know yet. Enums without such a constant
 * (everything a request to this service may hold) still refuse an unknown value with a 400.
 */
@Singleton
public class LenientEnums implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE);
    }
}
