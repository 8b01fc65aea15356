package io.syndication.http;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.in;

import java.lang.reflect.Field;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.github.benmanes.caffeine.cache.Cache;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The classes a native image must be able to make for the services' caches are the ones registered. */
class EventLoopCachesTest {

    @Test
    void theCachesTheServicesBuildAreMadeOfRegisteredClasses() throws Exception {
        Cache<String, String> accessBounded = EventLoopCaches.builder().maximumSize(10)
                .expireAfterAccess(Duration.ofHours(1)).build();
        Cache<String, String> writeBounded = EventLoopCaches.builder().maximumSize(10)
                .expireAfterWrite(Duration.ofSeconds(60)).build();
        Set<String> registered = Set.of(EventLoopCaches.class.getAnnotation(RegisterForReflection.class).classNames());
        List<String> used = Stream.of(accessBounded, writeBounded).flatMap(EventLoopCachesTest::classesOf).toList();
        assertThat(used, everyItem(in(registered)));
    }

    /** The generated cache class behind {@code cache}, and the generated class of its entries. */
    private static Stream<String> classesOf(Cache<String, String> cache) {
        cache.put("key", "value");
        try {
            Object local = field(cache, "cache");
            Object node = ((Map<?, ?>) field(local, "data")).values().iterator().next();
            return Stream.of(local.getClass().getName(), node.getClass().getName());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Caffeine's internals moved: update this test", e);
        }
    }

    /** {@code owner}'s field {@code name}, declared by its class or one it extends. */
    private static Object field(Object owner, String name) throws ReflectiveOperationException {
        for (Class<?> type = owner.getClass(); type != null; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (field.getName().equals(name)) {
                    field.setAccessible(true);
                    return field.get(owner);
                }
            }
        }
        throw new NoSuchFieldException(owner.getClass().getName() + "." + name);
    }
}
