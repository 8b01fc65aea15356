package io.syndication.e2e;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The platform's topics as a consumer group of the test's own reads them, from their first record:
 * every record, a re-published one as often as it was published. One thread at a time.
 */
final class BrokerEvents implements AutoCloseable {

    /** How long one read waits for records to arrive: a poll's bound, not a pause. */
    private static final Duration POLL = Duration.ofMillis(500);

    private final KafkaConsumer<String, String> consumer;
    private final List<PlatformEvent> read = new ArrayList<>();

    BrokerEvents(String bootstrapServers, List<String> topics) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "e2e-events-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"),
                new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(topics);
    }

    /** Reads what has arrived since the last read; every record read so far, in the order read. */
    List<PlatformEvent> read() {
        for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
            PlatformEvent event = PlatformEvent.parse(record.value());
            if (!record.key().equals(event.subject())) {
                throw new AssertionError("Record keyed " + record.key() + " holds an event of subject " + event.subject());
            }
            read.add(event);
        }
        return List.copyOf(read);
    }

    /** Every record read so far about {@code partnerId}. */
    List<PlatformEvent> of(String partnerId) {
        return read().stream().filter(event -> partnerId.equals(event.partnerId())).toList();
    }

    @Override
    public void close() {
        consumer.close();
    }
}
