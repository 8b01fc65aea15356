package io.syndication.gateway;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.quarkus.vertx.http.runtime.security.SecurityHandlerPriorities;
import io.syndication.http.RequestIds;

/**
 * The steps a request takes through the gateway, in the order they run, each saying why it comes
 * where it does. Vert.x runs a request's routes by ascending order, and Quarkus puts its own steps
 * among the gateway's by orders of its own: the ones the gateway's steps are placed against (CORS,
 * authentication, authorization) are listed too, so that the list reads from first to last. Between
 * authorization and the rate limits platform-http's RequestBodies refuses a body declared over the
 * gateway's max-body-size (413, before Quarkus' own check would with no body), and Quarkus takes /q to
 * its own endpoints; the proxy holds each body to its upstream's own limit. Every route of the gateway takes its order from here, and
 * EdgeStepsTest holds the list to its numbers.
 */
public enum EdgeSteps {

    /**
     * platform-http's RequestIds, whose order is set there for every service: first, so that every
     * later step, and a refusal's log line, can name the request.
     */
    REQUEST_ID(RequestIds.ORDER),
    /**
     * AccessLog: before any step that may refuse the request, so that every answer gets its line;
     * after RequestIds, whose id the line carries.
     */
    ACCESS_LOG(REQUEST_ID.order + 1),
    /** RequestScreening: before any step reads the path, so that they all see it in one spelling. */
    SCREENING(ACCESS_LOG.order + 1),
    /**
     * RouteTemplates: before the security steps, so that the requests they refuse are counted by
     * route too; after screening, so that it only ever folds a path in its normal form.
     */
    ROUTE_TEMPLATE(SCREENING.order + 1),
    /** Quarkus' CORS filter: a browser's preflight is answered without a token. */
    CORS(-SecurityHandlerPriorities.CORS),
    /**
     * Quarkus' authentication, which tells every later step who is calling; its mechanisms are asked
     * as platform-http's VerifiedTokens.PRIORITY says.
     */
    AUTHENTICATION(-SecurityHandlerPriorities.AUTHENTICATION),
    /** Quarkus' authorization: the token and role rules of application.properties. */
    AUTHORIZATION(-SecurityHandlerPriorities.AUTHORIZATION),
    /**
     * RateLimits: after authentication, since a caller's bucket is its client's; after authorization,
     * so that a request refused for its token or role takes nothing from a bucket.
     */
    RATE_LIMITS(500),
    /**
     * PartnerStandings: after the rate limits, so that a partner cannot make the gateway ask
     * partner-service more often than its limit allows; before the proxy, which a suspended partner
     * must not reach.
     */
    PARTNER_STANDING(600),
    /**
     * UpstreamRoutes, the proxy: last of the API's steps, since it answers; before Quarkus REST's
     * route for every path, which would answer 404.
     */
    PROXY(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT),
    /**
     * PlatformOpenApi's GET /openapi: a path none of the proxy's routes take, so that its place beside
     * them changes nothing; before Quarkus REST's route too.
     */
    PLATFORM_OPENAPI(PROXY.order + 1),
    /** PlatformAsyncApi's GET /asyncapi, the events beside the API: as for /openapi. */
    PLATFORM_ASYNCAPI(PLATFORM_OPENAPI.order + 1),
    /**
     * ConsoleRoutes: the console's security headers and its settings, before Quarkus' own route for the
     * static files under /console, which answers them; paths the API's steps never take.
     */
    CONSOLE(PLATFORM_ASYNCAPI.order + 1);

    private final int order;

    EdgeSteps(int order) {
        this.order = order;
    }

    /** The step's Vert.x route order. */
    public int order() {
        return order;
    }
}
