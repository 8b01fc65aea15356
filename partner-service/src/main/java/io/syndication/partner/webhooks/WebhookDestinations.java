package io.syndication.partner.webhooks;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.syndication.http.ProblemException;

/**
 * Where the platform is willing to post: https URLs on public addresses. A receiver's name is
 * resolved again before every attempt, and every address it resolves to is checked, so a name that
 * later points inside the platform's network (DNS rebinding) is refused then too. Private networks
 * are allowed only by {@code platform.webhooks.allow-private-networks} (a receiver in the cluster),
 * and plain http to 127.0.0.1 only by {@code platform.webhooks.allow-loopback-http} (the suite and
 * the tests, whose receivers run on the same machine).
 */
@ApplicationScoped
public class WebhookDestinations {

    private final boolean privateNetworks;
    private final boolean loopbackHttp;

    WebhookDestinations(@ConfigProperty(name = "platform.webhooks.allow-private-networks") boolean privateNetworks,
            @ConfigProperty(name = "platform.webhooks.allow-loopback-http") boolean loopbackHttp) {
        this.privateNetworks = privateNetworks;
        this.loopbackHttp = loopbackHttp;
    }

    /** A destination the URL names, once its form is allowed; a 400 on {@code field} otherwise. */
    public Destination check(String url, String field) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException | NullPointerException e) {
            throw ProblemException.invalidField(field, "must be an https URL such as https://hooks.example.com/syndication");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            throw ProblemException.invalidField(field, "must be an https URL with a host, and no credentials or fragment");
        }
        boolean loopback = loopbackHttp && "http".equals(uri.getScheme()) && "127.0.0.1".equals(uri.getHost());
        if (!"https".equals(uri.getScheme()) && !loopback) {
            throw ProblemException.invalidField(field, "must be an https URL");
        }
        String host = uri.getHost().toLowerCase();
        if (host.equals("localhost") || host.endsWith(".localhost") || host.endsWith(".local") || host.endsWith(".internal")) {
            throw ProblemException.invalidField(field, "must name a host on the public internet");
        }
        Destination destination = new Destination(uri, loopback);
        InetAddress literal = destination.literalAddress();
        if (literal != null && !allowed(literal, loopback)) {
            throw ProblemException.invalidField(field, "must not be a private, loopback or link-local address");
        }
        return destination;
    }

    /**
     * The address to connect to for {@code destination}, resolved now (blocking: call it on a
     * worker thread); fails when any address the name resolves to is not allowed.
     */
    public InetAddress resolve(Destination destination) throws UnknownHostException {
        InetAddress[] addresses = InetAddress.getAllByName(destination.uri().getHost());
        if (!Arrays.stream(addresses).allMatch(address -> allowed(address, destination.loopback()))) {
            throw new UnknownHostException(destination.uri().getHost() + " resolves to an address webhooks may not reach");
        }
        return addresses[0];
    }

    private boolean allowed(InetAddress address, boolean loopback) {
        if (address.isLoopbackAddress()) {
            return loopback;
        }
        if (address.isAnyLocalAddress() || address.isLinkLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        return privateNetworks || !isPrivate(address);
    }

    /** RFC 1918, shared address space (100.64/10), unique local IPv6 (fc00::/7), and IPv4 mapped into IPv6. */
    private static boolean isPrivate(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = bytes[0] & 0xff;
            int second = bytes[1] & 0xff;
            return address.isSiteLocalAddress() || (first == 100 && second >= 64 && second < 128) || first == 0
                    || (first == 192 && second == 0 && (bytes[2] & 0xff) == 0) || first >= 240;
        }
        if (address instanceof Inet6Address) {
            return (bytes[0] & 0xfe) == 0xfc || address.isSiteLocalAddress();
        }
        return true;
    }

    /** A URL webhooks may be posted to, by its form; {@code loopback}: plain http to 127.0.0.1 allowed by setting. */
    public record Destination(URI uri, boolean loopback) {

        int port() {
            return uri.getPort() != -1 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
        }

        String pathAndQuery() {
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        }

        boolean https() {
            return "https".equals(uri.getScheme());
        }

        /** The address the host names when it is written as one (no lookup), else null. */
        InetAddress literalAddress() {
            String host = uri.getHost();
            boolean ipv6 = host.startsWith("[");
            boolean ipv4 = host.chars().allMatch(c -> Character.isDigit(c) || c == '.');
            if (!ipv6 && !ipv4) {
                return null;
            }
            try {
                return InetAddress.getByName(ipv6 ? host.substring(1, host.length() - 1) : host);
            } catch (UnknownHostException e) {
                return null;
            }
        }
    }
}
