/** The Keycloak side of provisioning, through keycloak-admin-client running on Liberty's own REST client. */
package org.ipop.identity.keycloak;
