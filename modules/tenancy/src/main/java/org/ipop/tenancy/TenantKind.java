package org.ipop.tenancy;

/** What sort of operation centre a tenant is. */
public enum TenantKind {
    /** A provincial or city IP operation centre (区域知识产权运营中心). */
    REGIONAL,
    /** An industry IP operation centre (产业知识产权运营中心). */
    INDUSTRY,
    /** An industry alliance running a patent pool (产业知识产权联盟). */
    ALLIANCE;

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
