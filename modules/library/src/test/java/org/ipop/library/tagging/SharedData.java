package org.ipop.library.tagging;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The project's shared reference data ({@code shared/data/}, next to the project root), found from the working
 * directory upwards so that tests run from the module or from the root alike.
 */
final class SharedData {

    private SharedData() {
    }

    static Path file(String relativePath) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/data").resolve(relativePath);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("shared/data/" + relativePath + " not found above "
                + Path.of("").toAbsolutePath());
    }
}
