package io.syndication.content;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.syndication.events.Outbox;
import io.syndication.http.Problem;
import io.syndication.http.ProblemException;
import io.syndication.http.ProblemType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Writes the items a partner sends by its own external ids, a whole batch in one transaction of a
 * few statements: the ids locked, the items they name read and held, then the new items, the
 * updates and the history steps written by one statement each, and the events announced. Each item
 * is judged in order by {@link ContentService}'s rules as if it had been sent alone, so an item named
 * twice is created by the first and updated or left unchanged by the second. Sent item by item, with a
 * transaction and four round trips each, a batch of 1,000 took about a second.
 */
@ApplicationScoped
public class Ingest {

    private static final Logger LOG = Logger.getLogger(Ingest.class);

    /** How an item sent by the partner's own id was written. */
    public enum Outcome {
        CREATED, UPDATED, UNCHANGED
    }

    /** An item sent by its external id: its fields, or the problem that keeps it out of the catalogue. */
    public record Sent(String externalId, ContentFields fields, Problem problem) {
    }

    /** What became of an item sent: how it was written and the item, or the problem it met (outcome and item null). */
    public record Written(String externalId, Outcome outcome, ContentItem item, Problem problem) {

        static Written failed(String externalId, Problem problem) {
            return new Written(externalId, null, null, problem);
        }

        /** The item written, or the problem it met as an exception, for a request that sent only it. */
        public Uni<Written> orProblem() {
            return problem == null ? Uni.createFrom().item(this) : Uni.createFrom().failure(new ProblemException(problem));
        }
    }

    /** Whether a sent item may update the item its external id names, or must be new. */
    public enum Mode {
        CREATE_OR_UPDATE, CREATE_ONLY
    }

    private final Pool database;
    private final ContentRepository items;
    private final Outbox outbox;

    public Ingest(Pool database, ContentRepository items, Outbox outbox) {
        this.database = database;
        this.items = items;
        this.outbox = outbox;
    }

    /**
     * Writes one item; the answer carries the problem it met, if any. A database failure fails the
     * whole answer (the request's 5xx), as it would for any single write.
     */
    public Uni<Written> one(UUID partnerId, Sent sent, Mode mode, List<String> licensed, String actor) {
        return inOneTransaction(partnerId, List.of(sent), mode, licensed, actor).map(written -> written.get(0));
    }

    /**
     * Creates or updates each item of a batch, answering what became of each in order: an item that
     * came with a problem, or meets one, does not keep the others out. Should the batch's transaction
     * fail as a whole (a value a rule here missed but the database refuses), each item is written
     * again in a transaction of its own, so only the item at fault fails.
     */
    public Uni<List<Written>> batch(UUID partnerId, List<Sent> batch, List<String> licensed, String actor) {
        return inOneTransaction(partnerId, batch, Mode.CREATE_OR_UPDATE, licensed, actor)
                .onFailure().recoverWithUni(failure -> {
                    LOG.warnf(failure, "A batch of %d items failed as a whole; writing each on its own", batch.size());
                    return Multi.createFrom().iterable(batch)
                            .onItem().transformToUniAndConcatenate(sent -> one(partnerId, sent, Mode.CREATE_OR_UPDATE, licensed, actor)
                                    .onFailure().recoverWithItem(e -> Written.failed(sent.externalId(),
                                            ProblemType.SERVER_ERROR.problem("The item could not be stored; send it again"))))
                            .collect().asList();
                });
    }

    private Uni<List<Written>> inOneTransaction(UUID partnerId, List<Sent> batch, Mode mode, List<String> licensed,
            String actor) {
        List<String> externalIds = batch.stream().filter(sent -> sent.problem() == null).map(Sent::externalId).distinct().toList();
        if (externalIds.isEmpty()) {
            return Uni.createFrom().item(() -> new Plan(partnerId, List.of(), mode, licensed, actor).judge(batch));
        }
        return database.withTransaction(connection -> items.lockExternalIds(connection, partnerId, externalIds)
                .flatMap(locked -> items.lockedByExternalId(connection, partnerId, externalIds))
                .flatMap(stored -> {
                    Plan plan = new Plan(partnerId, stored, mode, licensed, actor);
                    List<Written> written = plan.judge(batch);
                    return plan.write(connection).replaceWith(written);
                }));
    }

    /** The writes a batch makes, as its items are judged one after the other. */
    private final class Plan {
        private final UUID partnerId;
        private final Mode mode;
        private final List<String> licensed;
        private final String actor;
        /** Each external id's item as the items judged so far leave it. */
        private final Map<String, ContentItem> current = new LinkedHashMap<>();
        /** Items are told apart by identity: an item created here and updated later in the batch is inserted once. */
        private final Set<ContentItem> created = new LinkedHashSet<>();
        private final Set<ContentItem> updated = new LinkedHashSet<>();
        private final List<ContentEvent> history = new ArrayList<>();
        private final List<Outbox.Announcement> events = new ArrayList<>();

        Plan(UUID partnerId, List<ContentItem> stored, Mode mode, List<String> licensed, String actor) {
            this.partnerId = partnerId;
            this.mode = mode;
            this.licensed = licensed;
            this.actor = actor;
            stored.forEach(item -> current.put(item.externalId, item));
        }

        List<Written> judge(List<Sent> batch) {
            return batch.stream().map(this::judge).toList();
        }

        private Written judge(Sent sent) {
            if (sent.problem() != null) {
                return Written.failed(sent.externalId(), sent.problem());
            }
            ProblemException unlicensed = ContentService.unlicensedTerritories(sent.fields(), licensed);
            if (unlicensed != null) {
                return Written.failed(sent.externalId(), unlicensed.problem());
            }
            ContentItem item = current.get(sent.externalId());
            if (item == null) {
                item = ContentService.draft(partnerId, sent.externalId(), sent.fields());
                current.put(item.externalId, item);
                created.add(item);
                history.add(ContentRepository.historyStep(item.id, actor, "CREATED", null, ContentStatus.DRAFT, null));
                return new Written(sent.externalId(), Outcome.CREATED, item, null);
            }
            if (mode == Mode.CREATE_ONLY) {
                return Written.failed(sent.externalId(), ProblemType.CONFLICT.problem("You already have an item with externalId '"
                        + sent.externalId() + "'; PUT /api/v1/content/external/" + sent.externalId() + " updates it"));
            }
            if (ContentFields.of(item).equals(sent.fields())) {
                return new Written(sent.externalId(), Outcome.UNCHANGED, item, null);
            }
            ContentService.Revision revision = ContentService.revise(item, sent.fields());
            item.version++;
            if (!created.contains(item)) {
                updated.add(item);
            }
            history.add(ContentRepository.historyStep(item.id, actor, revision.action(), revision.from(), item.status, null));
            if (!revision.changes().isEmpty()) {
                events.add(ContentService.event("content.changed", item, revision.changes()));
            }
            return new Written(sent.externalId(), Outcome.UPDATED, item, null);
        }

        Uni<Void> write(SqlConnection connection) {
            return items.insert(connection, List.copyOf(created))
                    .flatMap(inserted -> items.update(connection, updated))
                    .flatMap(changed -> items.recordEvents(connection, history))
                    .flatMap(recorded -> outbox.announce(connection, events));
        }
    }
}
