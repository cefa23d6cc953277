package org.ipop.library.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import java.util.List;
import org.ipop.kernel.FieldError;
import org.ipop.library.valuation.ValuationSettings;
import org.ipop.tenancy.ModuleSettingsValidator;

/**
 * Checks the {@code resource-library} section of a tenant descriptor — valuation weights per scenario and the tier
 * policy ({@link ValuationSettings#fromJson}) — when the descriptor is loaded at start-up or registered, so that a
 * wrong section stops the start (naming file and field) instead of failing the tenant's first import.
 */
@ApplicationScoped
public class LibrarySettingsValidator implements ModuleSettingsValidator {

    /** The module id of the resource library in descriptors ({@code enabledModules}, {@code moduleSettings}). */
    public static final String MODULE = "resource-library";

    @Override
    public String module() {
        return MODULE;
    }

    @Override
    public List<FieldError> check(JsonObject settings) {
        try {
            ValuationSettings.fromJson(settings);
            return List.of();
        } catch (IllegalArgumentException refusal) {
            return List.of(fieldError(refusal));
        }
    }

    /** A refusal of {@link ValuationSettings#fromJson}, "path: reason", as a field error. */
    static FieldError fieldError(IllegalArgumentException refusal) {
        String message = String.valueOf(refusal.getMessage());
        int colon = message.indexOf(": ");
        return colon < 0 ? new FieldError("", null, message)
                : new FieldError(message.substring(0, colon), null, message.substring(colon + 2));
    }
}
