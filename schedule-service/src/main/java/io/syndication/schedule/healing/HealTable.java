package io.syndication.schedule.healing;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.syndication.schedule.slot.Finding;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/** The heals recorded, in the table {@code heal}: all of its SQL. */
@ApplicationScoped
public class HealTable {

    private static final String COLUMNS = "position, id, channel_id, slot_id, content_id, slot_start, slot_end, action, reason,"
            + " detail, freed_from, replacements, event_id, event_type, healed_at";

    /** A flagged slot is recorded once per reason, however many later events find it again. */
    private static final String RECORD = """
            INSERT INTO heal (id, channel_id, slot_id, content_id, slot_start, slot_end, action, reason, detail, freed_from,
                replacements, event_id, event_type, healed_at)
            SELECT $1::uuid, $2::uuid, $3::uuid, $4::uuid, $5::timestamptz, $6::timestamptz, $7::varchar, $8::varchar,
                $9::text, $10::timestamptz, $11::jsonb, $12::text, $13::varchar, $14::timestamptz
            WHERE $7::varchar <> 'FLAGGED'
               OR NOT EXISTS (SELECT 1 FROM heal WHERE slot_id = $3::uuid AND action = 'FLAGGED' AND reason = $8::varchar)""";

    private final Pool pool;

    HealTable(Pool pool) {
        this.pool = pool;
    }

    /** A heal and where it stands in the order of recording. */
    public record Recorded(long position, Heal heal) {
    }

    /** Records the heals, in the caller's transaction; those recorded (a slot flagged before for the same reason is not again). */
    Uni<List<Heal>> record(SqlClient client, List<Heal> heals) {
        if (heals.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return client.preparedQuery(RECORD).executeBatch(heals.stream().map(HealTable::tupleOf).toList()).map(results -> {
            List<Heal> recorded = new ArrayList<>(heals.size());
            int i = 0;
            for (RowSet<Row> result = results; result != null; result = result.next()) {
                if (result.rowCount() == 1) {
                    recorded.add(heals.get(i));
                }
                i++;
            }
            return recorded;
        });
    }

    /** Up to {@code limit} of the channel's heals recorded before {@code beforePosition} (null: the newest), newest first. */
    Uni<List<Recorded>> newestFirst(UUID channelId, Long beforePosition, int limit) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM heal WHERE channel_id = $1 AND position < $2"
                + " ORDER BY position DESC LIMIT $3")
                .execute(Tuple.of(channelId, beforePosition == null ? Long.MAX_VALUE : beforePosition, limit))
                .map(rows -> {
                    List<Recorded> page = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        page.add(new Recorded(row.getLong("position"), healOf(row)));
                    }
                    return page;
                });
    }

    private static Tuple tupleOf(Heal heal) {
        JsonArray replacements = new JsonArray();
        for (Heal.Replacement replacement : heal.replacements()) {
            replacements.add(new JsonObject().put("slotId", replacement.slotId().toString())
                    .put("contentId", replacement.contentId().toString())
                    .put("partnerId", replacement.partnerId() == null ? null : replacement.partnerId().toString())
                    .put("title", replacement.title())
                    .put("start", replacement.start().toString()).put("end", replacement.end().toString())
                    .put("cut", replacement.cut()));
        }
        return Tuple.tuple(Arrays.asList(heal.id(), heal.channelId(), heal.slotId(), heal.contentId(), utc(heal.slotStart()),
                utc(heal.slotEnd()), heal.action().name(), heal.reason().name(), heal.detail(), utc(heal.freedFrom()),
                replacements, heal.eventId(), heal.eventType(), utc(heal.healedAt())));
    }

    private static Heal healOf(Row row) {
        List<Heal.Replacement> replacements = new ArrayList<>();
        JsonArray stored = (JsonArray) row.getValue("replacements");
        for (int i = 0; i < stored.size(); i++) {
            JsonObject one = stored.getJsonObject(i);
            replacements.add(new Heal.Replacement(UUID.fromString(one.getString("slotId")),
                    // a heal recorded before replacements kept their partner has none
                    UUID.fromString(one.getString("contentId")), one.getString("partnerId") == null ? null
                            : UUID.fromString(one.getString("partnerId")), one.getString("title"), Instant.parse(one.getString("start")),
                    Instant.parse(one.getString("end")), one.getBoolean("cut")));
        }
        OffsetDateTime freedFrom = row.getOffsetDateTime("freed_from");
        return new Heal(row.getUUID("id"), row.getUUID("channel_id"), row.getUUID("slot_id"), row.getUUID("content_id"),
                row.getOffsetDateTime("slot_start").toInstant(), row.getOffsetDateTime("slot_end").toInstant(),
                Heal.Action.valueOf(row.getString("action")), Finding.Reason.valueOf(row.getString("reason")),
                row.getString("detail"), freedFrom == null ? null : freedFrom.toInstant(), replacements,
                row.getString("event_id"), row.getString("event_type"), row.getOffsetDateTime("healed_at").toInstant());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
