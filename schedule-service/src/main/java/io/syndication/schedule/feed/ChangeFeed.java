package io.syndication.schedule.feed;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordBatchMetadata;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.syndication.http.PostgresErrors;
import io.syndication.schedule.feed.ChangeEvent.ContentChanged;
import io.syndication.schedule.feed.ChangeEvent.Ignored;
import io.syndication.schedule.feed.ChangeEvent.Malformed;
import io.syndication.schedule.feed.ChangeEvent.PartnerChanged;
import io.syndication.schedule.feed.ChangeEvent.Topic;
import io.syndication.schedule.healing.Healing;

/**
 * Consumes content-service's and partner-service's events (topics {@code content} and
 * {@code partner}, consumer group {@code schedule-service}) into the local view, healing the schedule
 * where they say. Records come in the batches the broker hands over (up to {@code max.poll.records}),
 * each batch applied in order in one transaction, so a burst of events costs one commit per batch
 * rather than per event. At least once: a batch is acknowledged, so its offsets committed, only once
 * the transaction applying it committed; a failure to apply it (the database away, a channel busy) is
 * retried with backoff for as long as it takes, never skipped. What cannot be applied however often it
 * is tried (a record that is not an event, or holds values the view cannot store) is logged and passed
 * over, so it never holds up its partition: a batch that fails on such a value is applied again one
 * event at a time, and only that event is passed over.
 */
@ApplicationScoped
public class ChangeFeed {

    private static final Logger LOG = Logger.getLogger(ChangeFeed.class);

    /** The first wait before a batch is tried again, doubling up to the longest. */
    private static final Duration FIRST_RETRY = Duration.ofMillis(200);
    private static final Duration LONGEST_RETRY = Duration.ofSeconds(30);

    private final Healing healing;
    private final ObjectMapper json;
    private final MeterRegistry metrics;

    ChangeFeed(Healing healing, ObjectMapper json, MeterRegistry metrics) {
        this.healing = healing;
        this.json = json;
        this.metrics = metrics;
    }

    /** What became of one record, as counted in {@code schedule.feed.events}. */
    enum Outcome {
        /** Applied to the view (and healed what it made unable to air). */
        APPLIED,
        /** Its sequence was not above the last applied for its subject: a redelivery or a late arrival. */
        STALE,
        /** A type the schedule does not use. */
        IGNORED,
        /** Not an event the schedule can read, or values the view cannot store: logged and passed over. */
        MALFORMED
    }

    @Incoming("content")
    public Uni<Void> content(Message<List<String>> records) {
        return consume(Topic.CONTENT, records);
    }

    @Incoming("partner")
    public Uni<Void> partner(Message<List<String>> records) {
        return consume(Topic.PARTNER, records);
    }

    private Uni<Void> consume(Topic topic, Message<List<String>> records) {
        List<ChangeEvent> events = records.getPayload().stream().map(value -> ChangeEvents.read(topic, value, json)).toList();
        return Uni.createFrom().deferred(() -> applied(topic, events))
                .onFailure().invoke(failure -> {
                    LOG.warnf("Applying %d records of %s failed, trying again (%s)", events.size(), topic.channel(), failure.toString());
                    metrics.counter("schedule.feed.retries", "topic", topic.channel()).increment();
                })
                .onFailure().retry().withBackOff(FIRST_RETRY, LONGEST_RETRY).indefinitely()
                .invoke(outcomes -> {
                    for (int index = 0; index < events.size(); index++) {
                        if (events.get(index) instanceof Malformed malformed) {
                            LOG.errorf("Passing over %s: %s", where(topic, records, index), malformed.problem());
                        } else if (events.get(index) instanceof Ignored ignored) {
                            LOG.debugf("Ignoring an event of type %s", ignored.type());
                        }
                        metrics.counter("schedule.feed.events", "topic", topic.channel(), "outcome", outcomes.get(index).name())
                                .increment();
                    }
                })
                .flatMap(outcomes -> Uni.createFrom().completionStage(records.ack()));
    }

    /**
     * The events applied in one transaction, one outcome each; if one holds a value the view cannot
     * store, each event on its own instead, and that one is passed over.
     */
    private Uni<List<Outcome>> applied(Topic topic, List<ChangeEvent> events) {
        return apply(topic, events).onFailure(PostgresErrors::isDataException).recoverWithUni(failure -> {
            if (events.size() == 1) {
                LOG.errorf("Passing over an event of %s: the view cannot store what it holds (%s)", topic.channel(),
                        failure.getMessage());
                return Uni.createFrom().item(List.of(Outcome.MALFORMED));
            }
            return Multi.createFrom().iterable(events)
                    .onItem().transformToUniAndConcatenate(event -> applied(topic, List.of(event)))
                    .collect().in(ArrayList<Outcome>::new, List::addAll);
        });
    }

    private Uni<List<Outcome>> apply(Topic topic, List<ChangeEvent> events) {
        Uni<List<Healing.Outcome>> applied = topic == Topic.CONTENT
                ? healing.contentChanged(only(events, ContentChanged.class))
                : healing.partnerChanged(only(events, PartnerChanged.class));
        return applied.map(outcomes -> {
            Iterator<Healing.Outcome> next = outcomes.iterator();
            return events.stream().map(event -> event instanceof Ignored ? Outcome.IGNORED
                    : event instanceof Malformed ? Outcome.MALFORMED
                    : next.next().applied() ? Outcome.APPLIED : Outcome.STALE).toList();
        });
    }

    private static <T extends ChangeEvent> List<T> only(List<ChangeEvent> events, Class<T> kind) {
        return events.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    /** Where the record {@code index} of the batch was, when the broker gave it (the in-memory channel of the tests does not). */
    private static String where(Topic topic, Message<List<String>> records, int index) {
        return records.getMetadata(IncomingKafkaRecordBatchMetadata.class)
                .map(batch -> ((Message<?>) batch.getBatchedMessages().get(index)).getMetadata(IncomingKafkaRecordMetadata.class))
                .flatMap(record -> record.map(kafka -> "the record at offset " + kafka.getOffset() + " of " + kafka.getTopic()
                        + "-" + kafka.getPartition()))
                .orElse("a record of " + topic.channel());
    }
}
