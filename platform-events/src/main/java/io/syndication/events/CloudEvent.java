package io.syndication.events;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;

/**
 * An event as it is published: CloudEvents 1.0 in structured JSON mode, with two extension
 * attributes: {@code sequence}, the event's number within its subject (1, 2, 3... in commit order;
 * a consumer applies an event only if it is above the last one it applied), and {@code partnerid},
 * the partner the event concerns (absent when it concerns the platform only).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CloudEvent(String specversion, String id, String source, String type, String subject, Instant time,
        String datacontenttype, long sequence, String partnerid, @JsonRawValue String data) {

    public static final String CONTENT_TYPE = "application/cloudevents+json";

    static CloudEvent of(String source, String id, String type, String subject, Instant time, long sequence,
            String partnerId, String data) {
        return new CloudEvent("1.0", id, source, type, subject, time, "application/json", sequence, partnerId, data);
    }
}
