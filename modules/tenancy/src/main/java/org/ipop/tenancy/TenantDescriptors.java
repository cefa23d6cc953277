package org.ipop.tenancy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.ipop.kernel.FieldError;
import org.ipop.kernel.ValidationFailed;
import org.ipop.reference.ReferenceData;
import org.ipop.tenancy.descriptor.DescriptorParser;
import org.ipop.tenancy.descriptor.DescriptorWriter;

/**
 * Reading tenant descriptors: one JSON file per tenant in the tenants directory, or one JSON document posted by a
 * platform administrator. Pure functions over the reference data, so their rules are unit tested.
 */
public final class TenantDescriptors {

    private TenantDescriptors() {
    }

    /** Parses and validates one descriptor; {@code source} (a file name, or null for API input) names it in errors. */
    public static TenantDescriptor parse(String source, String json) {
        return DescriptorParser.parse(source, json, ReferenceData.get());
    }

    public static String toJson(TenantDescriptor descriptor) {
        return DescriptorWriter.toJson(descriptor).toString();
    }

    /**
     * Reads every {@code *.json} in {@code directory}. Refuses the whole set, with every error of every file, if
     * any file is invalid or two files declare the same tenant id: the platform must not start with half its
     * tenants.
     */
    public static List<TenantDescriptor> readDirectory(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new ValidationFailed("Tenant descriptors cannot be read",
                    List.of(new FieldError(directory.toString(), null, "is not a directory")));
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(directory)) {
            files = listing.filter(file -> file.getFileName().toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<TenantDescriptor> descriptors = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        Map<String, String> fileById = new HashMap<>();
        for (Path file : files) {
            String source = file.getFileName().toString();
            try {
                TenantDescriptor descriptor = parse(source, Files.readString(file, StandardCharsets.UTF_8));
                String earlier = fileById.putIfAbsent(descriptor.id().value(), source);
                if (earlier != null) {
                    errors.add(new FieldError(source + ": id", descriptor.id().value(),
                            "duplicate tenant id, already declared in " + earlier));
                } else {
                    descriptors.add(descriptor);
                }
            } catch (ValidationFailed e) {
                errors.addAll(e.errors());
            } catch (IOException e) {
                errors.add(new FieldError(source, null, "cannot be read: " + e.getMessage()));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationFailed("Tenant descriptors in " + directory + " are not valid", errors);
        }
        return descriptors;
    }
}
