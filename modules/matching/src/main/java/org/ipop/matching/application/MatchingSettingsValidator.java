package org.ipop.matching.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import java.util.List;
import org.ipop.kernel.FieldError;
import org.ipop.tenancy.ModuleSettingsValidator;

/** Checks the {@code matching} section of a tenant descriptor ({@link MatchingSettings}) when it is loaded. */
@ApplicationScoped
public class MatchingSettingsValidator implements ModuleSettingsValidator {

    @Override
    public String module() {
        return MatchingSettings.MODULE;
    }

    @Override
    public List<FieldError> check(JsonObject settings) {
        return MatchingSettings.check(settings);
    }
}
