package io.syndication.content.rest;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.syndication.content.Ingest;
import io.syndication.http.Problem;

/** What became of each item of a batch, in request order. */
public record BatchResult(List<Item> results) {

    /** CREATED, UPDATED, UNCHANGED or FAILED. */
    public enum Outcome {
        CREATED, UPDATED, UNCHANGED, FAILED
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(String externalId, Outcome outcome, UUID id, Problem problem) {

        static Item of(Ingest.Written done) {
            return new Item(done.externalId(), done.outcome() == null ? Outcome.FAILED : Outcome.valueOf(done.outcome().name()),
                    done.item() == null ? null : done.item().id, done.problem());
        }
    }

    static BatchResult of(List<Ingest.Written> outcomes) {
        return new BatchResult(outcomes.stream().map(Item::of).toList());
    }
}
