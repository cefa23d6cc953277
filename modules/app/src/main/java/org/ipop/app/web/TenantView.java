package org.ipop.app.web;

import java.util.List;
import org.ipop.reference.ReferenceData;
import org.ipop.reference.Region;
import org.ipop.tenancy.TenantDescriptor;

/** A tenant as the API shows it: codes with their Chinese names, so that clients need no reference tables. */
public record TenantView(String id, Names names, String kind, String regionCode, String regionName,
        List<Industry> focusIndustries, List<String> enabledModules, TenantDescriptor.Contact contact,
        TenantDescriptor.Branding branding) {

    public record Names(String zh, String en) {
    }

    public record Industry(String code, String name) {
    }

    /** The public face of a tenant in the network: no contact persons, no configuration. */
    public record Public(String id, Names names, String kind, String regionCode, String regionName) {
    }

    public static TenantView of(TenantDescriptor tenant) {
        ReferenceData reference = ReferenceData.get();
        List<Industry> industries = tenant.focusIndustries().stream().map(code -> new Industry(code,
                reference.industryBranch(code).map(branch -> branch.name()).orElse(code))).toList();
        return new TenantView(tenant.id().value(), names(tenant), tenant.kind().code(), tenant.regionCode(),
                regionName(tenant), industries, tenant.enabledModules(), tenant.contact(), tenant.branding());
    }

    public static Public publicView(TenantDescriptor tenant) {
        return new Public(tenant.id().value(), names(tenant), tenant.kind().code(), tenant.regionCode(),
                regionName(tenant));
    }

    private static Names names(TenantDescriptor tenant) {
        return new Names(tenant.names().zh(), tenant.names().en());
    }

    private static String regionName(TenantDescriptor tenant) {
        return ReferenceData.get().region(tenant.regionCode()).map(Region::name).orElse(tenant.regionCode());
    }
}
