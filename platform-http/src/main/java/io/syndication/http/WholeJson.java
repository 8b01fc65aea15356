package io.syndication.http;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * A JSON body is one value, each of whose keys comes once: text after it, or a key given twice, is a
 * 400 rather than read as the first value alone or as the last of the two, so that no two readers of the
 * same body (a proxy, a log, this service) can take it for different requests.
 */
@Singleton
public class WholeJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }
}
