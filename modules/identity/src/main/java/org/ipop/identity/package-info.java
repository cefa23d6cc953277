/**
 * Identity: keeps Keycloak in step with the tenants. Each tenant is one Keycloak organization (alias = tenant id)
 * with a tenant-admin member; provisioning creates what is missing and changes nothing that is already right, so it
 * runs safely at every start and again whenever a tenant is registered.
 */
package org.ipop.identity;
