package io.syndication.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A distribution platform's view of us: one OpenAPI document from the gateway covering every
 * service, from which openapi-generator (java) makes a client that compiles.
 */
@ExtendWith(Platform.class)
class MergedClientTest {

    @Test
    void aJavaClientGeneratedFromTheMergedDocumentCompiles() throws Exception {
        Path work = Path.of("target", "merged-client");
        Files.createDirectories(work);
        Path spec = work.resolve("platform.json");
        Files.writeString(spec, given().baseUri(Platform.suite().gatewayUrl()).accept("application/json")
                .when().get("/openapi").then().statusCode(200).extract().asString());

        Path sources = work.resolve("generated");
        Process generator = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", System.getProperty("e2e.openapi-generator"), "generate",
                "-g", "java", "--library", "native", "-i", spec.toString(), "-o", sources.toString(),
                "--invoker-package", "io.syndication.client.platform",
                "--api-package", "io.syndication.client.platform.api",
                "--model-package", "io.syndication.client.platform.model",
                "--additional-properties", "openApiNullable=false,useJakartaEe=true,hideGenerationTimestamp=true",
                "--global-property", "apiTests=false,modelTests=false,apiDocs=false,modelDocs=false")
                .redirectErrorStream(true).redirectOutput(work.resolve("generator.log").toFile()).start();
        assertThat("openapi-generator finished in time", generator.waitFor(5, TimeUnit.MINUTES), equalTo(true));
        assertThat("openapi-generator's exit status (see " + work.resolve("generator.log") + ")", generator.exitValue(),
                equalTo(0));

        List<Path> javaFiles;
        try (Stream<Path> files = Files.walk(sources.resolve("src/main/java"))) {
            javaFiles = files.filter(file -> file.toString().endsWith(".java")).toList();
        }
        // the merged document has every service's operations, so the client has an API class per tag
        assertThat(javaFiles.stream().filter(file -> file.toString().contains("/api/")).count(), greaterThan(4L));
        assertThat(compile(javaFiles, work.resolve("classes")), empty());
    }

    /** Compiles the client against the test classpath (the same libraries a partner's client needs). */
    private static List<String> compile(List<Path> javaFiles, Path classes) throws IOException {
        Files.createDirectories(classes);
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
            compiler.getTask(null, files, diagnostics,
                    List.of("-classpath", System.getProperty("java.class.path"), "-d", classes.toString(), "-proc:none"),
                    null, files.getJavaFileObjectsFromPaths(javaFiles)).call();
        }
        List<String> errors = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> diagnostic : diagnostics.getDiagnostics()) {
            if (diagnostic.getKind() == Diagnostic.Kind.ERROR) {
                errors.add(diagnostic.getSource() + ":" + diagnostic.getLineNumber() + " " + diagnostic.getMessage(null));
            }
        }
        return errors;
    }
}
