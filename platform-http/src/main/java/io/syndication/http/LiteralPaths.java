package io.syndication.http;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;

/**
 * The paths the application's resources name in full, without a template ({@code /api/v1/partners/me},
 * {@code /api/v1/content/availability}), each with the methods it takes. JAX-RS matches a method first
 * among all templates that match a path, so {@code PATCH /api/v1/partners/me} is taken by {@code PATCH
 * /{id}}, and refused for the caller's role or for "me" not being an id; the path names a resource of
 * its own, though, and the answer that tells the caller what happened is 405 with its methods.
 */
final class LiteralPaths {

    private static volatile Known known;

    private LiteralPaths() {
    }

    /** The methods the resource at {@code path} takes (HEAD with GET, OPTIONS always); empty for a path no resource names in full. */
    static Set<String> methodsAt(String path) {
        ArcContainer container = Arc.container();
        Known current = known;
        if (current == null || current.container() != container) {
            current = new Known(container, scan(container));
            known = current;
        }
        return current.methods().getOrDefault(normal(path), Set.of());
    }

    /** The methods at each literal path of the resources among the container's beans (Quarkus REST makes every resource one). */
    private static Map<String, Set<String>> scan(ArcContainer container) {
        Map<String, Set<String>> methods = new HashMap<>();
        if (container == null) {
            return methods;
        }
        for (Bean<?> bean : container.beanManager().getBeans(Object.class, Any.Literal.INSTANCE)) {
            Class<?> resource = bean.getBeanClass();
            Path base = resource.getAnnotation(Path.class);
            if (base == null) {
                continue;
            }
            for (Method method : resource.getMethods()) {
                String httpMethod = httpMethodOf(method);
                if (httpMethod == null) {
                    continue;
                }
                Path sub = method.getAnnotation(Path.class);
                String path = normal(base.value() + (sub == null ? "" : "/" + sub.value()));
                if (!path.contains("{")) {
                    Set<String> at = methods.computeIfAbsent(path, ignored -> new TreeSet<>());
                    at.add(httpMethod);
                    at.add("OPTIONS");
                    if (httpMethod.equals("GET")) {
                        at.add("HEAD");
                    }
                }
            }
        }
        return methods;
    }

    private static String httpMethodOf(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod httpMethod = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (httpMethod != null) {
                return httpMethod.value();
            }
        }
        return null;
    }

    /** One leading slash, none doubled or trailing. */
    private static String normal(String path) {
        String normal = ("/" + path).replaceAll("/{2,}", "/");
        return normal.length() > 1 && normal.endsWith("/") ? normal.substring(0, normal.length() - 1) : normal;
    }

    /** The paths of one application's container (tests start another in the same JVM). */
    private record Known(ArcContainer container, Map<String, Set<String>> methods) {
    }
}
