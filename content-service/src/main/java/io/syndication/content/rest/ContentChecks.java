package io.syndication.content.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

import io.syndication.content.Ingest;
import io.syndication.http.Problem;
import io.syndication.http.ProblemException;
import io.syndication.http.ProblemMappers;
import io.syndication.http.ProblemType;

/**
 * Checks an item as a whole where validating a request parameter cannot: a patched item once merged
 * over the stored one, and each item of a batch on its own, so that one bad item fails alone.
 */
@ApplicationScoped
public class ContentChecks {

    private final Validator validator;

    public ContentChecks(Validator validator) {
        this.validator = validator;
    }

    /** A patched item is checked as if it had been sent complete: a 400 problem listing every broken rule. */
    ContentRequest whole(ContentRequest request) {
        Set<ConstraintViolation<ContentRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return request;
    }

    /** A batch's item with its fields, or with the problem that keeps it out; a batch's items need their externalId. */
    Ingest.Sent entry(ContentRequest item) {
        if (item == null) {
            return new Ingest.Sent(null, null, ProblemException.invalidField("items", "must not hold null").problem());
        }
        Set<ConstraintViolation<ContentRequest>> violations = validator.validate(item);
        if (item.externalId() != null && violations.isEmpty()) {
            return new Ingest.Sent(item.externalId(), item.toFields(), null);
        }
        List<Problem.Violation> listed = new ArrayList<>(ProblemMappers.violationsOf(violations));
        if (item.externalId() == null) {
            listed.add(new Problem.Violation("externalId", "is required in a batch"));
        }
        return new Ingest.Sent(item.externalId(), null,
                ProblemType.VALIDATION.problem("The item has invalid fields").withViolations(listed));
    }
}
