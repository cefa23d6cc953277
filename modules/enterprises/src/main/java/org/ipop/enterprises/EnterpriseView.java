package org.ipop.enterprises;

import java.util.List;

/** An enterprise as the registry shows it: its profile with the names of its codes, and who last changed it. */
public record EnterpriseView(EnterpriseProfile profile, String regionName, List<CodeName> industryClasses,
        List<CodeName> branches, List<String> members, String updatedAt, String updatedBy) {

    /** A code with its Chinese name, for display and pickers. */
    public record CodeName(String code, String name) {
    }

    public String creditCode() {
        return profile.creditCode();
    }
}
