package io.syndication.content.rest;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.syndication.content.Catalogue;
import io.syndication.http.Problem;

/** What became of each item of a batch, in request order. */
public record BatchResult(List<Item> results) {

    /** CREATED, UPDATED, UNCHANGED or FAILED. */
    public enum Outcome {
        CREATED, UPDATED, UNCHANGED, FAILED
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(String externalId, Outcome outcome, UUID id, Problem problem) {

        static Item of(Catalogue.BatchOutcome done) {
            return new Item(done.externalId(), done.outcome() == null ? Outcome.FAILED : Outcome.valueOf(done.outcome().name()),
                    done.id(), done.problem());
        }
    }

    static BatchResult of(List<Catalogue.BatchOutcome> outcomes) {
        return new BatchResult(outcomes.stream().map(Item::of).toList());
    }
}
