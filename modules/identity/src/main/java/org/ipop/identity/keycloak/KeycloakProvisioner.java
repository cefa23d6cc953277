package org.ipop.identity.keycloak;

import jakarta.ws.rs.core.Response;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ipop.identity.ProvisioningRefused;
import org.ipop.identity.ProvisioningReport;
import org.ipop.tenancy.TenantDescriptor;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.resource.OrganizationResource;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.OrganizationRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * Brings one tenant's organization and administrator into the state its descriptor asks for. Each step looks
 * before it writes, so a second run changes nothing.
 */
public final class KeycloakProvisioner {

    static final String TENANT_ADMIN_ROLE = "tenant-admin";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String PASSWORD_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";

    private final RealmResource realm;

    public KeycloakProvisioner(RealmResource realm) {
        this.realm = realm;
    }

    public ProvisioningReport provision(TenantDescriptor tenant) {
        List<String> changes = new ArrayList<>();
        String organizationId = organization(tenant, changes);
        Optional<String> temporaryPassword = Optional.empty();
        TenantDescriptor.Administrator admin = tenant.administrator();
        UserRepresentation user = findUser(admin.username()).orElse(null);
        if (user == null) {
            String password = temporaryPassword();
            user = createUser(tenant, password);
            temporaryPassword = Optional.of(password);
            changes.add("created user " + admin.username());
        }
        var roles = realm.users().get(user.getId()).roles().realmLevel();
        if (roles.listEffective().stream().noneMatch(role -> TENANT_ADMIN_ROLE.equals(role.getName()))) {
            RoleRepresentation role = realm.roles().get(TENANT_ADMIN_ROLE).toRepresentation();
            roles.add(List.of(role));
            changes.add("granted " + TENANT_ADMIN_ROLE + " to " + admin.username());
        }
        OrganizationResource organization = realm.organizations().get(organizationId);
        String userId = user.getId();
        boolean member = realm.organizations().members().getOrganizations(userId, true).stream()
                .anyMatch(org -> organizationId.equals(org.getId()));
        if (!member) {
            try (Response added = organization.members().addMember(userId)) {
                expectSuccess(added, "add " + admin.username() + " to organization " + tenant.id());
            }
            changes.add("added " + admin.username() + " to organization " + tenant.id());
        }
        return new ProvisioningReport(tenant.id().value(), List.copyOf(changes), temporaryPassword);
    }

    private String organization(TenantDescriptor tenant, List<String> changes) {
        Optional<OrganizationRepresentation> existing = findOrganization(tenant.id().value());
        if (existing.isPresent()) {
            return existing.get().getId();
        }
        OrganizationRepresentation organization = new OrganizationRepresentation();
        organization.setAlias(tenant.id().value());
        organization.setName(tenant.names().zh());
        organization.setDescription(tenant.names().en());
        organization.setEnabled(true);
        try (Response created = realm.organizations().create(organization)) {
            expectSuccess(created, "create organization " + tenant.id());
            changes.add("created organization " + tenant.id());
            return CreatedResponseUtil.getCreatedId(created);
        }
    }

    /** Keycloak's organization search matches names and domains, not aliases: page through and compare aliases. */
    public Optional<OrganizationRepresentation> findOrganization(String alias) {
        int page = 100;
        for (int first = 0; ; first += page) {
            List<OrganizationRepresentation> organizations = realm.organizations().list(first, page);
            Optional<OrganizationRepresentation> match = organizations.stream()
                    .filter(org -> alias.equals(org.getAlias())).findFirst();
            if (match.isPresent() || organizations.size() < page) {
                return match;
            }
        }
    }

    private Optional<UserRepresentation> findUser(String username) {
        return realm.users().searchByUsername(username, true).stream().findFirst();
    }

    private UserRepresentation createUser(TenantDescriptor tenant, String password) {
        TenantDescriptor.Administrator admin = tenant.administrator();
        UserRepresentation user = new UserRepresentation();
        user.setUsername(admin.username());
        user.setEmail(admin.email());
        user.setEmailVerified(false);
        user.setEnabled(true);
        user.setFirstName(admin.name() == null ? admin.username() : admin.name());
        user.setLastName(tenant.names().zh());
        CredentialRepresentation credential = new CredentialRepresentation();
        credential.setType(CredentialRepresentation.PASSWORD);
        credential.setValue(password);
        credential.setTemporary(true); // Keycloak makes the administrator choose a new one at first login
        user.setCredentials(List.of(credential));
        try (Response created = realm.users().create(user)) {
            expectSuccess(created, "create user " + admin.username());
            user.setId(CreatedResponseUtil.getCreatedId(created));
        }
        return user;
    }

    /** A 4xx answer is a refusal that retrying will not change ({@link ProvisioningRefused}); others may pass. */
    private static void expectSuccess(Response response, String what) {
        Response.Status.Family family = response.getStatusInfo().getFamily();
        if (family == Response.Status.Family.CLIENT_ERROR) {
            throw refusal(response, what, null);
        }
        if (family != Response.Status.Family.SUCCESSFUL) {
            throw new IllegalStateException("Keycloak refused to " + what + ": HTTP " + response.getStatus() + " "
                    + body(response));
        }
    }

    /** Keycloak's refusal in {@code response}, with its answer; {@code what} was refused, if known. */
    public static ProvisioningRefused refusal(Response response, String what, Throwable cause) {
        String body = body(response);
        return new ProvisioningRefused("Keycloak refused" + (what == null ? "" : " to " + what) + ": HTTP "
                + response.getStatus() + (body.isEmpty() ? "" : " " + body), response.getStatus(), cause);
    }

    private static String body(Response response) {
        try {
            return response.hasEntity() ? response.readEntity(String.class) : "";
        } catch (RuntimeException unreadable) {
            return ""; // the status says enough
        }
    }

    private static String temporaryPassword() {
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            password.append(PASSWORD_ALPHABET.charAt(RANDOM.nextInt(PASSWORD_ALPHABET.length())));
        }
        return password.toString();
    }
}
