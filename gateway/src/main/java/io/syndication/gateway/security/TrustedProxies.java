package io.syndication.gateway.security;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.netty.handler.ipfilter.IpFilterRuleType;
import io.netty.handler.ipfilter.IpSubnetFilterRule;
import io.netty.util.NetUtil;
import io.syndication.gateway.config.GatewayConfig;
import io.vertx.core.http.HttpServerRequest;

/**
 * Who called and how they reached the gateway. X-Forwarded-For, -Proto and -Host are believed only
 * from a socket peer among the trusted proxies ({@code gateway.trusted-proxies}: addresses or CIDR
 * blocks, none by default): from anyone else they say whatever the caller wrote, and a caller could
 * pick its own rate-limit bucket or the host the gateway's links name.
 */
@ApplicationScoped
public class TrustedProxies {

    /** The scheme and host (with its port) a request came to, as the caller sees them. */
    public record Origin(String scheme, String host) {

        String url() {
            return scheme + "://" + host;
        }
    }

    private final List<IpSubnetFilterRule> proxies;
    private final String publicUrl;

    public TrustedProxies(GatewayConfig config) {
        this.proxies = config.trustedProxies().orElse(List.of()).stream().map(TrustedProxies::block).toList();
        this.publicUrl = config.publicUrl().map(url -> url.replaceAll("/+$", "")).orElse(null);
    }

    /**
     * The caller's address: the socket peer, or when that is a trusted proxy, the nearest address in
     * X-Forwarded-For that is not one (each proxy appends the address it was called from; what lies
     * further left, the caller may have written itself).
     */
    public String clientAddress(HttpServerRequest request) {
        String client = request.remoteAddress().hostAddress();
        if (!trusted(client)) {
            return client;
        }
        List<String> hops = request.headers().getAll("X-Forwarded-For").stream()
                .flatMap(header -> List.of(header.split(",")).stream()).map(String::trim).toList();
        for (int hop = hops.size() - 1; hop >= 0 && trusted(client); hop--) {
            if (address(hops.get(hop)) == null) {
                // not an address: the last proxy that reported one is the best known caller
                break;
            }
            client = hops.get(hop);
        }
        return client;
    }

    /** The request's scheme and Host, or a trusted proxy's X-Forwarded-Proto and -Host for them. */
    public Origin origin(HttpServerRequest request) {
        String scheme = request.scheme();
        String host = request.authority() != null ? request.authority().toString() : request.localAddress().toString();
        if (trusted(request.remoteAddress().hostAddress())) {
            scheme = firstOf(request.getHeader("X-Forwarded-Proto"), scheme);
            host = firstOf(request.getHeader("X-Forwarded-Host"), host);
        }
        return new Origin(scheme, host);
    }

    /** Where the caller reaches the gateway: {@code gateway.public-url} when set, else the request's origin. */
    public String publicUrl(Origin origin) {
        return publicUrl != null ? publicUrl : origin.url();
    }

    private boolean trusted(String address) {
        if (proxies.isEmpty()) {
            return false;
        }
        InetAddress parsed = address(address);
        if (parsed == null) {
            return false;
        }
        InetSocketAddress socket = new InetSocketAddress(parsed, 0);
        return proxies.stream().anyMatch(proxy -> proxy.matches(socket));
    }

    /** The first of a list a chain of proxies may have written, or {@code otherwise}. */
    private static String firstOf(String header, String otherwise) {
        if (header == null || header.isBlank()) {
            return otherwise;
        }
        return header.split(",")[0].trim();
    }

    /** An IP address literal, never looked up by name; null for anything else. */
    private static InetAddress address(String literal) {
        return NetUtil.createInetAddressFromIpAddressString(literal);
    }

    private static IpSubnetFilterRule block(String entry) {
        String[] addressAndPrefix = entry.trim().split("/", 2);
        InetAddress address = address(addressAndPrefix[0]);
        if (address == null) {
            throw new IllegalArgumentException("gateway.trusted-proxies: '" + entry + "' is not an IP address or CIDR block");
        }
        int prefix = addressAndPrefix.length == 2 ? Integer.parseInt(addressAndPrefix[1]) : address.getAddress().length * 8;
        return new IpSubnetFilterRule(address, prefix, IpFilterRuleType.ACCEPT);
    }
}
