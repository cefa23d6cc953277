/**
 * Tenancy: who the tenants are (their descriptors, from {@code tenants/} and from the platform-admin API) and which
 * tenant the current request acts for. The tenant comes from the token's {@code organization} claim, never from a
 * request body; a user in several organizations selects one of them per request; no claim means no tenant.
 */
package org.ipop.tenancy;
