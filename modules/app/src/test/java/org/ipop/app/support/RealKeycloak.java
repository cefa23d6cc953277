package org.ipop.app.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real Keycloak, started from the distribution the build unpacked, once for all integration tests of a run:
 * the platform realm and a second, unrelated realm are imported fresh every time. Register it before Arquillian so
 * that it is up before the application under test starts.
 */
public final class RealKeycloak implements BeforeAllCallback {

    public static final String URL = System.getProperty("ipop.keycloak.url", "http://localhost:18180");

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(KeycloakProcess.class, key -> KeycloakProcess.start(), KeycloakProcess.class);
    }

    static final class KeycloakProcess implements AutoCloseable {

        private final Process process;

        private KeycloakProcess(Process process) {
            this.process = process;
        }

        static KeycloakProcess start() {
            Path home = Path.of(System.getProperty("ipop.keycloak.home"));
            String port = System.getProperty("ipop.keycloak.port", "18180");
            String management = System.getProperty("ipop.keycloak.management.port", "18190");
            URI ready = URI.create("http://localhost:" + management + "/health/ready");
            if (answers(ready)) {
                throw new IllegalStateException("A Keycloak already runs on port " + management
                        + " (left over from an interrupted run?): stop it first.");
            }
            try {
                build(home);
                Path imports = home.resolve("data/import");
                Files.createDirectories(imports);
                deleteRecursively(home.resolve("data/h2")); // a fresh realm for every run
                Files.copy(Path.of(System.getProperty("ipop.realm.file")), imports.resolve("ipop-realm.json"),
                        StandardCopyOption.REPLACE_EXISTING);
                try (var other = RealKeycloak.class.getResourceAsStream("/keycloak/other-realm.json")) {
                    Files.copy(other, imports.resolve("other-realm.json"), StandardCopyOption.REPLACE_EXISTING);
                }
                ProcessBuilder start = command(home, List.of("start", "--optimized", "--http-enabled=true",
                        "--hostname=http://localhost:" + port, "--http-port=" + port,
                        "--http-management-port=" + management, "--import-realm"));
                start.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
                start.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
                start.redirectOutput(home.resolveSibling("keycloak-it.log").toFile()).redirectErrorStream(true);
                KeycloakProcess keycloak = new KeycloakProcess(start.start());
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
                while (!answers(ready)) {
                    if (!keycloak.process.isAlive() || System.nanoTime() > deadline) {
                        keycloak.close();
                        throw new IllegalStateException("Keycloak did not become ready; see "
                                + home.resolveSibling("keycloak-it.log"));
                    }
                    Thread.sleep(500);
                }
                return keycloak;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        /** The one-off optimisation step of a fresh distribution (about 20 s), skipped once done. */
        private static void build(Path home) throws IOException, InterruptedException {
            Path marker = home.resolve(".ipop-built");
            if (Files.exists(marker)) {
                return;
            }
            Process build = command(home, List.of("build", "--cache=local", "--health-enabled=true",
                    "--db=dev-file")).redirectOutput(home.resolveSibling("keycloak-build.log").toFile())
                    .redirectErrorStream(true).start();
            if (build.waitFor() != 0) {
                throw new IllegalStateException("kc.sh build failed; see " + home.resolveSibling("keycloak-build.log"));
            }
            Files.writeString(marker, "built\n");
        }

        private static ProcessBuilder command(Path home, List<String> arguments) {
            List<String> command = new ArrayList<>(List.of(home.resolve("bin/kc.sh").toString()));
            command.addAll(arguments);
            ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile());
            Map<String, String> environment = builder.environment();
            environment.put("JAVA_HOME", System.getProperty("ipop.keycloak.java.home"));
            environment.put("PATH", System.getProperty("ipop.keycloak.java.home") + "/bin:" + System.getenv("PATH"));
            return builder;
        }

        static boolean answers(URI uri) {
            try {
                return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2))
                        .build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
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

        /** kc.sh execs java, but a shell parent can remain: stop the whole tree. */
        @Override
        public void close() {
            List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
            tree.add(process.toHandle());
            tree.forEach(ProcessHandle::destroy);
            for (ProcessHandle handle : tree) {
                try {
                    handle.onExit().get(30, TimeUnit.SECONDS);
                } catch (Exception e) {
                    handle.destroyForcibly();
                }
            }
        }
    }
}
