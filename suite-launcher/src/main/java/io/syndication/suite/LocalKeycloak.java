package io.syndication.suite;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A real Keycloak, the Quarkus distribution from Maven Central, run on Java 17 without Docker with
 * the platform's realm imported from {@code keycloak/syndication-realm.json}.
 */
public final class LocalKeycloak implements AutoCloseable {

    public static final String REALM = "syndication";
    /** The realm's public client of the gateway's operator and admin console (syndication-realm.json). */
    public static final String CONSOLE_CLIENT = "console";
    /** The realm's partner-service client's secret (syndication-realm.json): a published demo value. */
    public static final String PARTNER_SERVICE_SECRET = "partner-service-secret";
    private static final String REALM_RESOURCE = "/keycloak/syndication-realm.json";

    private final ChildProcess process;
    private final int port;
    /** Written once Keycloak serves the realm it imported: none when the realm was there already. */
    private final RealmImport realmImport;

    private LocalKeycloak(ChildProcess process, int port, RealmImport realmImport) {
        this.process = process;
        this.port = port;
        this.realmImport = realmImport;
    }

    /**
     * Unpacks {@code distribution} into {@code installDirectory} unless it is there already, and starts
     * it on 127.0.0.1:{@code port}. Realms are kept in {@code databaseDirectory} across restarts (so
     * partners' clients survive), or in memory when it is null. A kept database whose realm was
     * imported from another version of the realm file, or whose import never finished, is started
     * afresh: Keycloak imports a realm only once, and is not asked to import into a database that has
     * it (looking the realm up and skipping it took two seconds of every start). Keycloak starts from
     * its class archive in {@code archives}, as the services do. The console client takes sign-ins
     * back to {@code consoleOrigin} (the gateway's), and only there.
     */
    public static LocalKeycloak start(Path distribution, Path installDirectory, int port, int managementPort,
            Path databaseDirectory, Path log, ClassArchives archives, String consoleOrigin) {
        Path home = install(distribution, installDirectory);
        byte[] realm = importRealm(home);
        String database = "jdbc:h2:mem:keycloak;DB_CLOSE_DELAY=-1;NON_KEYWORDS=VALUE";
        RealmImport realmImport = RealmImport.IN_MEMORY;
        if (databaseDirectory != null) {
            realmImport = RealmImport.into(databaseDirectory, realm, consoleOrigin);
            database = "jdbc:h2:file:" + databaseDirectory.resolve("keycloak").toAbsolutePath() + ";NON_KEYWORDS=VALUE";
        }
        List<String> command = new ArrayList<>(List.of("bash", home.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-host=127.0.0.1",
                "--http-port=" + port,
                "--http-management-port=" + managementPort,
                // a fixed issuer, whatever host name a client uses to reach Keycloak
                "--hostname=http://127.0.0.1:" + port,
                "--db-url=" + database));
        if (realmImport.needed()) {
            command.add("--import-realm");
        }
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile());
        builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
        // the realm file's ${CONSOLE_ORIGIN}, which Keycloak resolves from its environment when it imports
        builder.environment().put("CONSOLE_ORIGIN", consoleOrigin);
        builder.environment().put("JAVA_HOME", javaHome());
        ClassArchives.Start archive = archives.start("keycloak", home.resolve("lib"), true);
        List<String> options = new ArrayList<>(archive.options());
        // C1 alone: a suite's Keycloak issues a token now and then, and compiling it for peak speed
        // only takes CPU from the services starting beside it
        options.add("-XX:TieredStopAtLevel=1");
        builder.environment().put("JAVA_OPTS_APPEND", String.join(" ", options));
        ChildProcess process = ChildProcess.start("keycloak", builder, log);
        archives.keepAfter(archive, process);
        return new LocalKeycloak(process, port, realmImport);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public String realmUrl() {
        return baseUrl() + "/realms/" + REALM;
    }

    public String tokenEndpoint() {
        return realmUrl() + "/protocol/openid-connect/token";
    }

    /**
     * Waits until Keycloak serves the realm. Should it not, and the realm was not imported this time,
     * the kept database may have lost it (deleted in the admin console, say): the next start imports
     * it into an empty database.
     */
    public void awaitReady(Duration timeout) {
        try {
            process.awaitHttpOk(realmUrl() + "/.well-known/openid-configuration", timeout);
        } catch (RuntimeException notServed) {
            realmImport.forget();
            throw notServed;
        }
        realmImport.recordDone();
    }

    /** Sends {@code signal} (STOP, CONT) to Keycloak. */
    void signal(String signal) {
        process.signal(signal);
    }

    @Override
    public void close() {
        process.close();
    }

    private static Path install(Path distribution, Path installDirectory) {
        Path home = installDirectory.resolve("keycloak");
        if (Files.exists(home.resolve("bin/kc.sh"))) {
            return home;
        }
        Path unpacking = installDirectory.resolve("keycloak.unpacking");
        try {
            deleteRecursively(unpacking);
            try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(distribution))) {
                for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                    // drop the versioned top folder: keycloak-26.7.3/bin/kc.sh -> bin/kc.sh
                    String name = entry.getName().substring(entry.getName().indexOf('/') + 1);
                    Path target = unpacking.resolve(name).normalize();
                    if (name.isEmpty() || !target.startsWith(unpacking)) {
                        continue;
                    }
                    if (entry.isDirectory()) {
                        Files.createDirectories(target);
                    } else {
                        Files.createDirectories(target.getParent());
                        Files.copy(zip, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            // a half-unpacked distribution is never mistaken for an installed one
            Files.move(unpacking, home, StandardCopyOption.ATOMIC_MOVE);
            return home;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not unpack Keycloak from " + distribution, e);
        }
    }

    /** Puts the realm file where --import-realm reads it; returns its content. */
    private static byte[] importRealm(Path home) {
        Path imports = home.resolve("data/import");
        try (InputStream realm = LocalKeycloak.class.getResourceAsStream(REALM_RESOURCE)) {
            byte[] content = realm.readAllBytes();
            Files.createDirectories(imports);
            Files.write(imports.resolve(REALM + "-realm.json"), content);
            return content;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Whether a kept database has the realm imported from this very realm file and console origin:
     * its digest is written beside the database once Keycloak serves the realm, so that a start that
     * stopped half-way through the import is done again from an empty database.
     */
    private record RealmImport(boolean needed, Path digestFile, String digest) {

        static final RealmImport IN_MEMORY = new RealmImport(true, null, null);

        static RealmImport into(Path databaseDirectory, byte[] realm, String consoleOrigin) {
            try {
                MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
                // the realm as imported: its file with the origin put in its placeholder
                sha256.update(realm);
                sha256.update(consoleOrigin.getBytes(StandardCharsets.UTF_8));
                String digest = HexFormat.of().formatHex(sha256.digest());
                Path digestFile = databaseDirectory.resolve("imported-realm.sha256");
                if (Files.exists(digestFile) && Files.readString(digestFile).equals(digest)) {
                    return new RealmImport(false, digestFile, digest);
                }
                deleteRecursively(databaseDirectory);
                Files.createDirectories(databaseDirectory);
                return new RealmImport(true, digestFile, digest);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        void recordDone() {
            if (needed && digestFile != null) {
                try {
                    Files.writeString(digestFile, digest);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }

        void forget() {
            if (!needed && digestFile != null) {
                try {
                    Files.deleteIfExists(digestFile);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    private static String javaHome() {
        Path java = Path.of(ProcessHandle.current().info().command().orElseThrow());
        return java.getParent().getParent().toString();
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (var paths = Files.walk(directory)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
