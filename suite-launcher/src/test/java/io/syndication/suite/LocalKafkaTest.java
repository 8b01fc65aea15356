package io.syndication.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real broker, run from the jars the build copied to target/kafka-lib as ./suite runs it. */
class LocalKafkaTest {

    private static final Path CLASSPATH = Path.of(System.getProperty("suite.kafka-classpath", "target/kafka-lib"));
    private static final Duration START = Duration.ofMinutes(2);
    private static final Duration DELIVERY = Duration.ofSeconds(30);
    private static final String TOPIC = "partner-events";

    @TempDir
    Path home;

    @Test
    void aRecordOutlivesARestartAndClosingLeavesNoBroker() throws Exception {
        int port = Ports.free();
        int controllerPort = Ports.free();
        Path directory = home.resolve("kafka");

        ProcessHandle first;
        try (LocalKafka kafka = start(directory, port, controllerPort)) {
            first = kafka.process();
            // a topic that does not exist yet, as a service's first event finds it
            produce(kafka.bootstrapServers(), "partner approved");
            assertEquals(List.of("partner approved"), consume(kafka.bootstrapServers()), "a consumer group reads it");
        }
        assertStopped(first, port, controllerPort);
        String clusterId = Files.readString(directory.resolve("data/meta.properties"));

        ProcessHandle second;
        try (LocalKafka kafka = start(directory, port, controllerPort)) {
            second = kafka.process();
            assertEquals(List.of("partner approved"), consume(kafka.bootstrapServers()), "kept across the restart");
        }
        assertStopped(second, port, controllerPort);
        assertEquals(clusterId, Files.readString(directory.resolve("data/meta.properties")), "formatted once");
    }

    private LocalKafka start(Path directory, int port, int controllerPort) {
        LocalKafka kafka = LocalKafka.start(CLASSPATH, directory, port, controllerPort, home.resolve("kafka.log"), false,
                ClassArchives.none());
        try {
            kafka.awaitReady(START);
            return kafka;
        } catch (RuntimeException e) {
            kafka.close();
            throw e;
        }
    }

    private static void produce(String bootstrapServers, String value) throws Exception {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) DELIVERY.toMillis());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(TOPIC, "partner-1", value)).get(DELIVERY.toSeconds(), TimeUnit.SECONDS);
        }
    }

    /** What a new consumer group reads of the topic from its start, polling until a record comes or the bound passes. */
    private static List<String> consume(String bootstrapServers) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "check-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(TOPIC));
            Instant deadline = Instant.now().plus(DELIVERY);
            while (values.isEmpty() && Instant.now().isBefore(deadline)) {
                consumer.poll(Duration.ofMillis(500)).forEach(record -> values.add(record.value()));
            }
        }
        return values;
    }

    private static void assertStopped(ProcessHandle broker, int port, int controllerPort) {
        assertFalse(broker.isAlive(), "the broker stopped");
        assertTrue(ProcessHandle.current().descendants().map(process -> process.info().commandLine().orElse(""))
                .noneMatch(command -> command.contains("kafka.Kafka") || command.contains("kafka.tools.StorageTool")),
                "no Kafka process (broker or storage tool) is left");
        assertTrue(Ports.available(port), "its client port is free again");
        assertTrue(Ports.available(controllerPort), "its controller port is free again");
    }
}
