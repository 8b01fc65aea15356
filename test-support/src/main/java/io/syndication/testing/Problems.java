package io.syndication.testing;

import io.restassured.builder.ResponseSpecBuilder;
import io.restassured.specification.ResponseSpecification;

/** What every test expects of a refusal: the status, as an RFC 9457 problem. */
public final class Problems {

    private static final String MEDIA_TYPE = "application/problem+json";

    private Problems() {
    }

    /** A problem+json answer with {@code status}. */
    public static ResponseSpecification problem(int status) {
        return new ResponseSpecBuilder().expectStatusCode(status).expectContentType(MEDIA_TYPE).build();
    }
}
