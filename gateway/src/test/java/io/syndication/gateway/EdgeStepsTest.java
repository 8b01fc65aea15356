package io.syndication.gateway;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThan;

import org.junit.jupiter.api.Test;

class EdgeStepsTest {

    @Test
    void theStepsRunInTheOrderTheyAreListed() {
        EdgeSteps[] steps = EdgeSteps.values();
        for (int step = 1; step < steps.length; step++) {
            assertThat(steps[step] + " comes after " + steps[step - 1], steps[step].order(),
                    greaterThan(steps[step - 1].order()));
        }
    }
}
