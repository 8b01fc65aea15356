package io.syndication.http.validation;

import java.lang.annotation.ElementType;

import jakarta.inject.Singleton;
import jakarta.validation.Path;
import jakarta.validation.TraversableResolver;

import io.quarkus.arc.Unremovable;

/**
 * Every property of a validated object is reachable and cascades as its annotations say. Beside
 * Hibernate ORM, Quarkus would ask the ORM of every property of every object validated whether it is
 * loaded, which only an entity's lazy association can fail to be: the platform validates requests,
 * never entities (none carries a constraint or an association), and the asking was 7% of
 * content-service's CPU samples in a batch ingest.
 */
@Singleton
@Unremovable
public class RequestsTraversable implements TraversableResolver {

    @Override
    public boolean isReachable(Object traversableObject, Path.Node traversableProperty, Class<?> rootBeanType,
            Path pathToTraversableObject, ElementType elementType) {
        return true;
    }

    @Override
    public boolean isCascadable(Object traversableObject, Path.Node traversableProperty, Class<?> rootBeanType,
            Path pathToTraversableObject, ElementType elementType) {
        return true;
    }
}
