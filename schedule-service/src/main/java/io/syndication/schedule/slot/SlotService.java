package io.syndication.schedule.slot;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.syndication.http.PostgresErrors;
import io.syndication.http.Problem;
import io.syndication.http.ProblemException;
import io.syndication.schedule.channel.Channel;
import io.syndication.schedule.client.ContentClient;
import io.syndication.schedule.client.ContentRestClient.ContentRecord;


/**
 * Places content on a channel's schedule: the slot's end follows from the content (a live event's
 * from the request), the placement rules are checked through content-service, and the database's
 * exclusion constraint decides which of two overlapping placements wins.
 */
@ApplicationScoped
public class SlotService {

    private final SlotRepository slots;
    private final ContentClient content;

    public SlotService(SlotRepository slots, ContentClient content) {
        this.slots = slots;
        this.content = content;
    }

    public Uni<Slot> place(Channel channel, UUID contentId, Instant start, Instant requestedEnd, String authorization) {
        return checked(channel, contentId, start, item -> endOf(item, start, requestedEnd), authorization)
                .flatMap(placement -> insert(channel.id, placement.item(), start, placement.end()));
    }

    /** Content that passed the placement rules, and where its slot ends. */
    private record Placement(ContentRecord item, Instant end) {
    }

    /** Asks content-service about the item and checks every placement rule for {@code [start, end)}. */
    private Uni<Placement> checked(Channel channel, UUID contentId, Instant start,
            Function<ContentRecord, Instant> endOf, String authorization) {
        return content.find(contentId, authorization)
                .onFailure().transform(SlotService::contentServiceDown)
                .flatMap(item -> {
                    if (item == null) {
                        return Uni.createFrom().failure(unplaceable(List.of(new SlotPlacement.Breach(
                                SlotPlacement.CONTENT_NOT_APPROVED, "no APPROVED content item " + contentId + " exists"))));
                    }
                    Instant end = endOf.apply(item);
                    return content.reasonsAgainst(contentId, start, channel.territories.get(0), authorization)
                            .onFailure().transform(SlotService::contentServiceDown)
                            .flatMap(reasons -> {
                                List<SlotPlacement.Breach> breaches = SlotPlacement.breaches(item, start, end,
                                        channel.territories, !reasons.contains(SlotPlacement.PARTNER_INACTIVE));
                                return breaches.isEmpty() ? Uni.createFrom().item(new Placement(item, end))
                                        : Uni.createFrom().failure(unplaceable(breaches));
                            });
                });
    }

    /**
     * Inserts the slot unless the exclusion constraint finds one in the way: ON CONFLICT DO NOTHING
     * keeps the transaction usable, so the slot in the way can be named in the same breath.
     */
    @WithTransaction
    Uni<Slot> insert(UUID channelId, ContentRecord item, Instant start, Instant end) {
        UUID id = UUID.randomUUID();
        return slots.getSession().flatMap(session -> session.createNativeQuery("""
                INSERT INTO slot (id, channel_id, content_id, kind, title, partner_id, age_rating, start_at, end_at, version, created_at)
                VALUES (:id, :channel, :content, :kind, :title, :partner, :rating, :start, :end, 0, now())
                ON CONFLICT DO NOTHING""")
                .setParameter("id", id)
                .setParameter("channel", channelId)
                .setParameter("content", UUID.fromString(item.id()))
                .setParameter("kind", ("LIVE_EVENT".equals(item.kind()) ? SlotKind.LIVE : SlotKind.PROGRAMME).name())
                .setParameter("title", item.title())
                .setParameter("partner", UUID.fromString(item.partnerId()))
                .setParameter("rating", item.ageRating())
                .setParameter("start", start)
                .setParameter("end", end)
                .executeUpdate())
                .flatMap(inserted -> inserted == 1 ? slots.findById(id) : inTheWay(channelId, start, end));
    }

    /**
     * Moves a slot to start at {@code start}, keeping its length, if the content may air then and the
     * time is free; the exclusion constraint settles a race with another placement.
     */
    public Uni<Slot> move(Channel channel, Slot slot, Instant start, String authorization) {
        Duration length = Duration.between(slot.startAt, slot.endAt);
        return checked(channel, slot.contentId, start, item -> start.plus(length), authorization)
                .flatMap(placement -> reschedule(slot.id, channel.id, start, placement.end()));
    }

    @WithTransaction
    Uni<Slot> reschedule(UUID slotId, UUID channelId, Instant start, Instant end) {
        return slots.overlapping(channelId, start, end).flatMap(found -> {
            List<Slot> others = found.stream().filter(other -> !other.id.equals(slotId)).toList();
            if (!others.isEmpty()) {
                return Uni.createFrom().failure(taken(others));
            }
            return slots.findById(slotId).flatMap(slot -> {
                slot.startAt = start;
                slot.endAt = end;
                return slots.flush().replaceWith(slot);
            });
        }).onFailure(PostgresErrors::isExclusionViolation).transform(e -> ProblemException.conflict(
                "The time was taken by a concurrent placement; read the schedule again"));
    }

    /** The 409 for a placement another slot already holds, naming that slot. */
    private Uni<Slot> inTheWay(UUID channelId, Instant start, Instant end) {
        return slots.overlapping(channelId, start, end).flatMap(blocking -> Uni.createFrom().failure(taken(blocking)));
    }

    private static ProblemException taken(List<Slot> blocking) {
        return ProblemException.conflict("The time is taken by " + blocking.stream()
                .map(slot -> "slot " + slot.id + " [" + slot.startAt + ", " + slot.endAt + ")")
                .collect(Collectors.joining(", ")));
    }

    private static Instant endOf(ContentRecord item, Instant start, Instant requestedEnd) {
        if ("LIVE_EVENT".equals(item.kind())) {
            if (requestedEnd == null || !requestedEnd.isAfter(start)) {
                throw ProblemException.invalidField("end", "is required for a live event and must be after start");
            }
            return requestedEnd;
        }
        if (requestedEnd != null) {
            throw ProblemException.invalidField("end", "follows from the content's duration; leave it out");
        }
        return start.plus(Duration.ofSeconds(item.durationSeconds()));
    }

    private static ProblemException unplaceable(List<SlotPlacement.Breach> breaches) {
        return new ProblemException(Problem.of("placement-rule", "Unprocessable Content", 422,
                "The slot breaks " + breaches.stream().map(SlotPlacement.Breach::rule).collect(Collectors.joining(", ")))
                .withViolations(breaches.stream().map(b -> new Problem.Violation(b.rule(), b.detail())).toList()));
    }

    private static ProblemException contentServiceDown(Throwable failure) {
        return failure instanceof ProblemException problem ? problem
                : new ProblemException(Problem.of("content-service-unavailable", "Service Unavailable", 503,
                        "content-service cannot confirm the content right now; retry shortly"));
    }
}
