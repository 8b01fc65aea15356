package io.syndication.schedule.feed;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
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
 * where they say, one event at a time per topic. At least once: a record is acknowledged, so its offset
 * committed, only once the transaction applying it committed; a failure to apply it (the database
 * away, a channel busy) is retried with backoff for as long as it takes, never skipped. What cannot be
 * applied however often it is tried (a record that is not an event, or holds values the view cannot
 * store) is logged and passed over, so it never holds up its partition.
 */
@ApplicationScoped
public class ChangeFeed {

    private static final Logger LOG = Logger.getLogger(ChangeFeed.class);

    /** The first wait before an event is tried again, doubling up to the longest. */
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
    public Uni<Void> content(Message<String> record) {
        return consume(Topic.CONTENT, record);
    }

    @Incoming("partner")
    public Uni<Void> partner(Message<String> record) {
        return consume(Topic.PARTNER, record);
    }

    private Uni<Void> consume(Topic topic, Message<String> record) {
        ChangeEvent event = ChangeEvents.read(topic, record.getPayload(), json);
        return Uni.createFrom().deferred(() -> apply(event))
                .onFailure(PostgresErrors::isDataException).recoverWithItem(failure -> {
                    LOG.errorf("Passing over %s: the view cannot store what it holds (%s)", where(topic, record), failure.getMessage());
                    return Outcome.MALFORMED;
                })
                .onFailure().invoke(failure -> {
                    LOG.warnf("Applying %s failed, trying again (%s)", where(topic, record), failure.toString());
                    metrics.counter("schedule.feed.retries", "topic", topic.channel()).increment();
                })
                .onFailure().retry().withBackOff(FIRST_RETRY, LONGEST_RETRY).indefinitely()
                .invoke(outcome -> {
                    if (outcome == Outcome.MALFORMED && event instanceof Malformed malformed) {
                        LOG.errorf("Passing over %s: %s", where(topic, record), malformed.problem());
                    }
                    metrics.counter("schedule.feed.events", "topic", topic.channel(), "outcome", outcome.name()).increment();
                })
                .flatMap(outcome -> Uni.createFrom().completionStage(record.ack()));
    }

    private Uni<Outcome> apply(ChangeEvent event) {
        if (event instanceof ContentChanged content) {
            return healing.contentChanged(content.item(), content.sequence(), content.cause())
                    .map(outcome -> outcome.applied() ? Outcome.APPLIED : Outcome.STALE);
        }
        if (event instanceof PartnerChanged partner) {
            return healing.partnerChanged(partner.partnerId(), partner.status(), partner.sequence(), partner.cause())
                    .map(outcome -> outcome.applied() ? Outcome.APPLIED : Outcome.STALE);
        }
        if (event instanceof Ignored ignored) {
            LOG.debugf("Ignoring an event of type %s", ignored.type());
            return Uni.createFrom().item(Outcome.IGNORED);
        }
        return Uni.createFrom().item(Outcome.MALFORMED);
    }

    /** The record's topic, partition and offset where the broker gave them (the in-memory channel of the tests does not). */
    private static String where(Topic topic, Message<String> record) {
        return record.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(kafka -> "the record at offset " + kafka.getOffset() + " of " + kafka.getTopic() + "-" + kafka.getPartition())
                .orElse("a record of " + topic.channel());
    }
}
