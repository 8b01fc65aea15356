package io.syndication.http.openapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;

import io.syndication.http.Problem;
import io.syndication.http.ProblemType;

/**
 * Documents the problem+json answers every operation can give, from what the operation is (secured,
 * with a body, on one resource, conditional), so that no operation's spec forgets one and the
 * Problem schema is written once.
 */
public class ProblemResponses implements OASFilter {

    private static final String PROBLEM_REF = "#/components/schemas/Problem";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        Components components = openAPI.getComponents();
        components.addSchema("Violation", OASFactory.createSchema()
                .type(List.of(Schema.SchemaType.OBJECT))
                .description("One offending field of an invalid request")
                .addProperty("field", string("The field, as the request names it: territories[1], limit"))
                .addProperty("message", string("What is wrong with it")));
        components.addSchema("Problem", OASFactory.createSchema()
                .type(List.of(Schema.SchemaType.OBJECT))
                .description("An RFC 9457 problem: every error of this API has this shape")
                .addProperty("type", string("A stable URI per kind of problem; branch on this. Through the gateway it "
                        + "resolves to a page explaining the problem and what to do about it").format("uri"))
                .addProperty("title", string("A short summary of the kind of problem"))
                .addProperty("status", OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER)).format("int32"))
                .addProperty("detail", string("What went wrong with this request, for a human"))
                .addProperty("instance", string("The request path"))
                .addProperty("violations", OASFactory.createSchema().type(List.of(Schema.SchemaType.ARRAY))
                        .items(OASFactory.createSchema().ref("#/components/schemas/Violation")))
                .required(List.of("type", "title", "status")));
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations()
                .forEach((method, operation) -> document(path, method, operation)));
    }

    private static void document(String path, PathItem.HttpMethod method, Operation operation) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        boolean secured = operation.getSecurity() != null && !operation.getSecurity().isEmpty();
        if (secured) {
            rolesIntoDescription(operation);
        }
        boolean hasBody = operation.getRequestBody() != null;
        boolean hasParameters = operation.getParameters() != null && !operation.getParameters().isEmpty();
        boolean conditional = hasParameters && operation.getParameters().stream()
                .map(Parameter::getName).anyMatch("If-Match"::equalsIgnoreCase);
        if (hasBody || hasParameters) {
            add(responses, ProblemType.VALIDATION, "The request has invalid fields: territories[1]",
                    "Invalid input; every offending field is listed in violations", path);
        }
        if (secured) {
            add(responses, ProblemType.UNAUTHORIZED, "A bearer token is required; get one from the platform's token endpoint",
                    "No valid bearer token for this platform", path);
            add(responses, ProblemType.FORBIDDEN, "Your role does not allow this operation",
                    "The token's role or partner may not do this", path);
            add(responses, ProblemType.IDENTITY_PROVIDER_UNAVAILABLE,
                    "The identity provider cannot be reached to verify the token; retry shortly",
                    "A service this depends on is unavailable; retry after Retry-After", path);
        }
        if (path.contains("{")) {
            add(responses, ProblemType.NOT_FOUND, "Partner 6f1c7f4e-1a52-4c7e-9d0b-0d7f3a1e0002 does not exist",
                    "No such resource, or not one the caller may see", path);
        }
        if (method != PathItem.HttpMethod.GET) {
            add(responses, ProblemType.CONFLICT, "Partner is SUSPENDED; it cannot be approved from that status",
                    "Conflicts with the resource's current state", path);
        }
        if (hasBody) {
            add(responses, ProblemType.CONTENT_TOO_LARGE, "The request's body is larger than the 10485760 bytes (10 MiB) "
                    + "accepted here", "The body is larger than this operation accepts", path);
            add(responses, ProblemType.UNSUPPORTED_MEDIA_TYPE,
                    "Content type 'text/plain' is not accepted here; send application/json", "The body is not JSON", path);
        }
        if (conditional) {
            add(responses, ProblemType.STALE_VERSION,
                    "If-Match does not name the current version 4; read the resource again and retry",
                    "If-Match names a version that is no longer current", path);
        }
    }

    /**
     * Quarkus lists the allowed roles as scopes of the OpenID Connect scheme, which are not scopes a
     * client can request; the roles go into the description and the requirement keeps the scheme only.
     */
    private static void rolesIntoDescription(Operation operation) {
        List<String> roles = new ArrayList<>();
        List<SecurityRequirement> requirements = new ArrayList<>();
        for (SecurityRequirement requirement : operation.getSecurity()) {
            SecurityRequirement schemesOnly = OASFactory.createSecurityRequirement();
            requirement.getSchemes().forEach((scheme, scopes) -> {
                roles.addAll(scopes);
                schemesOnly.addScheme(scheme);
            });
            requirements.add(schemesOnly);
        }
        operation.setSecurity(requirements);
        if (!roles.isEmpty()) {
            String description = operation.getDescription() == null ? "" : operation.getDescription() + "\n\n";
            operation.setDescription(description + "Roles: " + String.join(", ", roles) + ".");
        }
    }

    private static void add(APIResponses responses, ProblemType kind, String detail, String description, String path) {
        String code = Integer.toString(kind.status());
        if (responses.hasAPIResponse(code)) {
            return;
        }
        // under the default base whatever the build's settings, and in RFC 9457's order of members (Map.of's order
        // changes from one build to the next), so that a document does not depend on where or when it was built
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", kind.typeUnder(ProblemType.DEFAULT_TYPE_BASE).toString());
        example.put("title", kind.title());
        example.put("status", kind.status());
        example.put("detail", detail);
        example.put("instance", path);
        MediaType problem = OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref(PROBLEM_REF))
                .example(example);
        Content content = OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, problem);
        APIResponse response = OASFactory.createAPIResponse().description(description).content(content);
        responses.addAPIResponse(code, response);
    }

    private static Schema string(String description) {
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).description(description);
    }
}
