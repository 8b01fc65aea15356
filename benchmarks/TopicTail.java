import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Follows a topic from its end, as a consumer of its own (no group, nothing committed), for
 * benchmarks/events.sh: one line per record as it arrives,
 * "<received, epoch ms> <record timestamp, epoch ms> <key> <event id> <event type>", after a first line
 * "ready" once every partition is positioned at its end. Kafka 4.1's distribution has its console
 * consumer in kafka-tools, which the suite does not fetch; kafka-clients is all this needs:
 *
 *   java -cp 'suite-launcher/target/kafka-lib/*' benchmarks/TopicTail.java 127.0.0.1:9092 content
 */
public class TopicTail {

    // the relay writes CloudEvents in structured mode: the envelope's own attributes come first
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern TYPE = Pattern.compile("\"type\"\\s*:\\s*\"([^\"]+)\"");

    public static void main(String[] args) {
        Properties settings = new Properties();
        settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
        settings.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        settings.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // a record as soon as it is there, not after a batch has gathered
        settings.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "10");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(settings)) {
            List<TopicPartition> partitions = consumer.partitionsFor(args[1], Duration.ofSeconds(30)).stream()
                    .map(partition -> new TopicPartition(partition.topic(), partition.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position); // resolves the end now, not at the first poll
            System.out.println("ready");
            System.out.flush();
            StringBuilder lines = new StringBuilder();
            while (true) {
                var records = consumer.poll(Duration.ofMillis(100));
                long received = System.currentTimeMillis();
                for (ConsumerRecord<String, String> record : records) {
                    lines.append(received).append(' ').append(record.timestamp()).append(' ').append(record.key())
                            .append(' ').append(first(ID, record.value())).append(' ').append(first(TYPE, record.value()))
                            .append('\n');
                }
                if (lines.length() > 0) {
                    System.out.print(lines);
                    System.out.flush();
                    lines.setLength(0);
                }
            }
        }
    }

    private static String first(Pattern attribute, String value) {
        Matcher found = value == null ? null : attribute.matcher(value);
        return found != null && found.find() ? found.group(1) : "-";
    }
}
