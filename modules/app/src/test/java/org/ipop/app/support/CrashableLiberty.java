package org.ipop.app.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A second Liberty server, started and stopped by the test itself rather than by Arquillian, so that a test can
 * kill it with SIGKILL in the middle of its work and start it again on the same data, or start it with other
 * options (demo data). It runs the same WAR with
 * the same configuration as the Arquillian server ({@code ipop-test}, whose directory it copies), on its own HTTP
 * port and with its own data directory, against the same test Keycloak.
 */
public final class CrashableLiberty implements AutoCloseable {

    private static final String SERVER = "ipop-crash";

    private final Path wlp = Path.of(System.getProperty("ipop.wlp.dir"));
    private final Path serverDirectory = wlp.resolve("usr/servers").resolve(SERVER);
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private CrashableLiberty(int port) {
        this.port = port;
    }

    /** Creates the server afresh (empty data directory) and starts it, with any further JVM options given. */
    public static CrashableLiberty start(int port, Path dataDirectory, String... jvmOptions) {
        CrashableLiberty liberty = new CrashableLiberty(port);
        liberty.create(dataDirectory, List.of(jvmOptions));
        liberty.startAgain();
        return liberty;
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    private void create(Path dataDirectory, List<String> jvmOptions) {
        Path template = wlp.resolve("usr/servers/ipop-test");
        try {
            deleteRecursively(serverDirectory);
            deleteRecursively(dataDirectory);
            Files.createDirectories(serverDirectory.resolve("dropins"));
            for (String file : List.of("server.xml", "server.env")) {
                Files.copy(template.resolve(file), serverDirectory.resolve(file));
            }
            copyRecursively(template.resolve("resources"), serverDirectory.resolve("resources"));
            Files.writeString(serverDirectory.resolve("bootstrap.properties"), "http.port=" + port + "\n");
            List<String> options = new ArrayList<>(List.of("-Xmx1g", "-Dfile.encoding=UTF-8",
                    "--add-modules=jdk.incubator.vector",
                    "-Dipop.keycloak.url=" + RealKeycloak.URL, "-Dipop.keycloak.public-url=" + RealKeycloak.URL,
                    "-Dipop.tenants.dir=" + System.getProperty("ipop.tenants.dir"),
                    "-Dipop.data.dir=" + dataDirectory.toAbsolutePath()));
            options.addAll(jvmOptions);
            Files.write(serverDirectory.resolve("jvm.options"), options);
            Files.copy(Path.of(System.getProperty("ipop.war")), serverDirectory.resolve("dropins/ipop.war"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the Liberty server " + SERVER, e);
        }
    }

    /** Starts the server (again) and waits until it reports ready. */
    public void startAgain() {
        run("start");
        long deadline = System.currentTimeMillis() + 180_000;
        while (System.currentTimeMillis() < deadline) {
            try {
                HttpResponse<String> ready = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/health/ready"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(500);
        }
        throw new AssertionError(SERVER + " did not become ready in 180 s; see " + serverDirectory.resolve("logs"));
    }

    /** SIGKILL: no shutdown hook, no @PreDestroy, no final commit — what a power cut or an OOM killer does. */
    public void kill() {
        long pid = pid();
        ProcessHandle process = ProcessHandle.of(pid).orElseThrow(() -> new AssertionError("no process " + pid));
        process.destroyForcibly();
        process.onExit().orTimeout(30, TimeUnit.SECONDS).join();
    }

    private long pid() {
        Path pidFile = wlp.resolve("usr/servers/.pid").resolve(SERVER + ".pid");
        try {
            return Long.parseLong(Files.readString(pidFile, StandardCharsets.US_ASCII).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("no pid file " + pidFile, e);
        }
    }

    @Override
    public void close() {
        run("stop");
    }

    private void run(String action) {
        try {
            ProcessBuilder builder = new ProcessBuilder(wlp.resolve("bin/server").toString(), action, SERVER)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            Process process = builder.start();
            if (!process.waitFor(180, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("server " + action + " " + SERVER + " did not return in 180 s");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void copyRecursively(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
