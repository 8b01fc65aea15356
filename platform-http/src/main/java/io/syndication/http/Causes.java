package io.syndication.http;

/** What a failure was caused by, however deep the frameworks wrapped it. */
public final class Causes {

    private Causes() {
    }

    /** Whether {@code failure} or any of its causes is one of {@code kinds}. */
    public static boolean include(Throwable failure, Class<?>... kinds) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            for (Class<?> kind : kinds) {
                if (kind.isInstance(cause)) {
                    return true;
                }
            }
        }
        return false;
    }
}
