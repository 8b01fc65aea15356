package io.syndication.http;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Instant;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** Instants in answers: written exactly as {@link Instant#toString()} writes them, and read back the same. */
class InstantsAsTextTest {

    /** As Quarkus builds the answers' mapper: java.time's module first, then the platform's customizer. */
    private static final ObjectMapper MAPPER = mapper();

    private static ObjectMapper mapper() {
        ObjectMapper mapper = JsonMapper.builder().addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
        new InstantsAsText().customize(mapper);
        return mapper;
    }

    static Stream<Instant> edges() {
        return Stream.of(Instant.EPOCH, Instant.EPOCH.minusNanos(1), Instant.parse("2026-12-07T23:59:59Z"),
                Instant.parse("2024-02-29T12:00:00.5Z"), Instant.parse("2026-03-29T01:00:00.000001Z"),
                Instant.parse("2026-03-29T01:00:00.000000001Z"), Instant.parse("2026-03-29T01:00:00.123456789Z"),
                Instant.parse("2026-03-29T01:00:00.120Z"), Instant.parse("2026-03-29T01:00:00.000120Z"),
                Instant.parse("0000-01-01T00:00:00Z"), Instant.parse("0000-01-01T00:00:00Z").minusNanos(1),
                Instant.parse("9999-12-31T23:59:59.999999999Z"), Instant.parse("9999-12-31T23:59:59.999999999Z").plusNanos(1),
                Instant.MIN, Instant.MAX);
    }

    @ParameterizedTest
    @MethodSource("edges")
    void anEdgeIsWrittenAsInstantWritesIt(Instant instant) throws JsonProcessingException {
        assertWrittenAsToString(instant);
    }

    @Test
    void anyInstantIsWrittenAsInstantWritesIt() throws JsonProcessingException {
        Random random = new Random(20261207);
        for (int i = 0; i < 100_000; i++) {
            // a third anywhere an instant can be, the rest within the years written in four digits
            long second = i % 3 == 0
                    ? Instant.MIN.getEpochSecond() + (long) (random.nextDouble() * (Instant.MAX.getEpochSecond() - Instant.MIN.getEpochSecond()))
                    : random.nextLong(Instant.parse("0000-01-01T00:00:00Z").getEpochSecond(),
                            Instant.parse("9999-12-31T23:59:59Z").getEpochSecond());
            int nano = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1_000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            assertWrittenAsToString(Instant.ofEpochSecond(second, nano));
        }
    }

    private static void assertWrittenAsToString(Instant instant) throws JsonProcessingException {
        String json = MAPPER.writeValueAsString(instant);
        assertThat(json, equalTo('"' + instant.toString() + '"'));
        assertThat(MAPPER.readValue(json, Instant.class), equalTo(instant));
    }
}
