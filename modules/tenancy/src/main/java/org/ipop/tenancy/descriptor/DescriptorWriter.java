package org.ipop.tenancy.descriptor;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import java.io.StringReader;
import org.ipop.tenancy.TenantDescriptor;

/** The JSON form of a descriptor: the same shape {@link DescriptorParser} reads, so that a round trip is lossless. */
public final class DescriptorWriter {

    private DescriptorWriter() {
    }

    public static JsonObject toJson(TenantDescriptor descriptor) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("id", descriptor.id().value())
                .add("names", Json.createObjectBuilder().add("zh", descriptor.names().zh())
                        .add("en", descriptor.names().en()))
                .add("kind", descriptor.kind().code())
                .add("regionCode", descriptor.regionCode())
                .add("focusIndustries", Json.createArrayBuilder(descriptor.focusIndustries()))
                .add("enabledModules", Json.createArrayBuilder(descriptor.enabledModules()));
        if (!descriptor.moduleSettings().isEmpty()) {
            JsonObjectBuilder settings = Json.createObjectBuilder();
            descriptor.moduleSettings().forEach((module, section) -> {
                try (JsonReader reader = Json.createReader(new StringReader(section))) {
                    settings.add(module, reader.readObject());
                }
            });
            json.add("moduleSettings", settings);
        }
        JsonObjectBuilder contact = Json.createObjectBuilder().add("name", descriptor.contact().name())
                .add("email", descriptor.contact().email());
        if (descriptor.contact().phone() != null) {
            contact.add("phone", descriptor.contact().phone());
        }
        json.add("contact", contact);
        JsonObjectBuilder branding = Json.createObjectBuilder();
        if (descriptor.branding().primaryColor() != null) {
            branding.add("primaryColor", descriptor.branding().primaryColor());
        }
        json.add("branding", branding);
        JsonObjectBuilder administrator = Json.createObjectBuilder()
                .add("username", descriptor.administrator().username())
                .add("email", descriptor.administrator().email());
        if (descriptor.administrator().name() != null) {
            administrator.add("name", descriptor.administrator().name());
        }
        json.add("administrator", administrator);
        return json.build();
    }
}
