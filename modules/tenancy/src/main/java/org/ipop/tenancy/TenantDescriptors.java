package org.ipop.tenancy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import jakarta.json.Json;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
     * Checks every module section of a parsed descriptor with its module's validator. An error's field is
     * {@code source: moduleSettings.<module>.<path in the section>} ({@code source: } left out for API input).
     *
     * @return every problem found, or none; a section whose module has no validator is one problem
     */
    public static List<FieldError> checkModuleSettings(String source, TenantDescriptor descriptor,
            Collection<? extends ModuleSettingsValidator> validators) {
        List<FieldError> errors = new ArrayList<>();
        String prefix = (source == null ? "" : source + ": ") + "moduleSettings.";
        descriptor.moduleSettings().forEach((module, json) -> {
            Optional<? extends ModuleSettingsValidator> validator = validators.stream()
                    .filter(candidate -> candidate.module().equals(module)).findFirst();
            if (validator.isEmpty()) {
                errors.add(new FieldError(prefix + module, null, "the module takes no settings (yet)"));
                return;
            }
            try (JsonReader reader = Json.createReader(new StringReader(json))) {
                for (FieldError error : validator.get().check(reader.readObject())) {
                    errors.add(new FieldError(prefix + module + "." + error.field(), error.value(), error.reason()));
                }
            }
        });
        return errors;
    }

    /**
     * Reads every {@code *.json} in {@code directory} and checks only the shape of their module settings (see
     * {@link #readDirectory(Path, Collection)}).
     */
    public static List<TenantDescriptor> readDirectory(Path directory) {
        return readDirectory(directory, null);
    }

    /**
     * Reads every {@code *.json} in {@code directory}. Refuses the whole set, with every error of every file, if
     * any file is invalid or two files declare the same tenant id: the platform must not start with half its
     * tenants.
     *
     * @param validators the modules' checks of their settings sections ({@link #checkModuleSettings}); null to
     *                   check only that each section is an object of a known module
     */
    public static List<TenantDescriptor> readDirectory(Path directory,
            Collection<? extends ModuleSettingsValidator> validators) {
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
                if (validators != null) {
                    List<FieldError> settingsErrors = checkModuleSettings(source, descriptor, validators);
                    if (!settingsErrors.isEmpty()) {
                        errors.addAll(settingsErrors);
                        continue;
                    }
                }
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
