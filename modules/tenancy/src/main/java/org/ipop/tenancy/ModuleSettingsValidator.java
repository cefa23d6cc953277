package org.ipop.tenancy;

import jakarta.json.JsonObject;
import java.util.List;
import org.ipop.kernel.FieldError;

/**
 * A capability module's check of its own section of a descriptor's {@code moduleSettings}. Tenancy keeps each
 * section as opaque JSON — platform modules must not know capability modules' types — and hands it to the validator
 * of its module when descriptor files are read at start-up (an error stops the start, named with file and field) and
 * when a platform administrator registers a tenant (an error refuses the registration). A section for a module
 * that has no validator is refused: nobody would read it.
 *
 * <p>Implementations are CDI beans ({@code @ApplicationScoped}) of the capability module.
 */
public interface ModuleSettingsValidator {

    /** The module whose section this validator checks: one of {@link PlatformModules#ALL}. */
    String module();

    /**
     * The problems of one tenant's section, or none. Each error's field is a path within the section, such as
     * {@code tierPolicy.tiers[0].minScore}; tenancy prefixes it with the file and {@code moduleSettings.<module>}.
     */
    List<FieldError> check(JsonObject settings);
}
