package io.syndication.http;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The problem catalogue: one stable type per kind of problem, and a retry hint only where one helps. */
class ProblemTypeTest {

    @ParameterizedTest
    @EnumSource(ProblemType.class)
    void eachTypeIsItsNameUnderThePlatformsBase(ProblemType kind) {
        assertThat(kind.slug(), equalTo(kind.name().toLowerCase().replace('_', '-')));
        assertThat(kind.type().toString(), equalTo(ProblemType.typeBase() + kind.slug()));
        // no deployment here names another base
        assertThat(ProblemType.typeBase(), equalTo(ProblemType.DEFAULT_TYPE_BASE));
        assertThat(ProblemType.bySlug(kind.slug()), equalTo(Optional.of(kind)));
    }

    @ParameterizedTest
    @EnumSource(ProblemType.class)
    void eachTypeIsExplainedForItsPage(ProblemType kind) {
        assertThat(kind.explanation().length(), greaterThan(60));
        assertThat(kind.explanation(), endsWith("."));
        assertThat(kind.saysWhenToRetry(), equalTo(List.of(429, 503, 504).contains(kind.status())));
    }

    @ParameterizedTest
    @EnumSource(ProblemType.class)
    void aProblemKnowsItsKindAndOnlyAnUnavailableDependencyAsksForARetry(ProblemType kind) {
        Problem problem = kind.problem("detail");
        assertThat(ProblemType.of(problem), equalTo(Optional.of(kind)));
        assertThat(problem.title(), equalTo(kind.title()));
        assertThat(ProblemType.retriedLater(problem), equalTo(kind.status() == 503));
    }

    @Test
    void statusesAreThoseOfErrors() {
        assertThat(Arrays.stream(ProblemType.values()).allMatch(kind -> kind.status() >= 400 && kind.status() < 600),
                equalTo(true));
    }

    @Test
    void aProblemOfAnotherOriginIsNoneOfTheCatalogues() {
        Problem foreign = new Problem(URI.create("https://example.org/problems/teapot"), "I'm a teapot", 418,
                null, null, List.of());
        assertThat(ProblemType.of(foreign), equalTo(Optional.empty()));
        assertThat(ProblemType.retriedLater(foreign), equalTo(false));
        Problem sameSlugElsewhere = new Problem(ProblemType.NOT_FOUND.typeUnder("https://example.org/problems/"),
                "Not Found", 404, null, null, List.of());
        assertThat(ProblemType.of(sameSlugElsewhere), equalTo(Optional.empty()));
        assertThat(ProblemType.bySlug("teapot"), equalTo(Optional.empty()));
    }
}
