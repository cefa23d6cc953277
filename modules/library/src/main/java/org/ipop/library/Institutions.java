package org.ipop.library;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.ipop.audit.AuditTrail;
import org.ipop.kernel.Conflict;
import org.ipop.kernel.CurrentTenant;
import org.ipop.kernel.FieldError;
import org.ipop.kernel.Forbidden;
import org.ipop.kernel.NotFound;
import org.ipop.kernel.ValidationFailed;
import org.ipop.library.persistence.MongoInstitutions;

/**
 * The institutions of the current tenant (its members: universities, research institutes…) and the users who act
 * for each. A patent's owning institution is always a registered one: operators register institutions (explicitly,
 * or by importing an inventory for a new one), and a technology-transfer office imports, sees and self-assesses only
 * the patents of the institutions it is a member of.
 */
@ApplicationScoped
public class Institutions {

    private static final int MAX_NAME_LENGTH = 100;
    /** Keycloak's user names: letters, digits and {@code . _ - @}. */
    private static final Pattern USERNAME = Pattern.compile("[\\p{L}\\p{N}._@-]{1,255}");

    private final CurrentTenant tenant;
    private final MongoInstitutions institutions;
    private final AuditTrail audit;

    @Inject
    public Institutions(CurrentTenant tenant, MongoInstitutions institutions, AuditTrail audit) {
        this.tenant = tenant;
        this.institutions = institutions;
        this.audit = audit;
    }

    /** For CDI's client proxy only. */
    protected Institutions() {
        this(null, null, null);
    }

    /** Every institution of the tenant for operators; a technology-transfer office's own for it. */
    public List<Institution> list(LibraryCaller caller) {
        tenant.require();
        return caller.wholeLibrary() ? institutions.all() : institutions.ofMember(caller.username());
    }

    public Institution register(InstitutionInput input, String actor) {
        tenant.require();
        String name = input == null ? null : normalName(input.name());
        ApplicantType type = input == null || input.type() == null || input.type().isBlank()
                ? inferredType(name)
                : typeOf(input.type());
        if (!institutions.register(name, type, actor)) {
            throw new Conflict("机构“" + name + "”已登记 / The institution is registered already.");
        }
        audit.record(tenant.require(), actor, "library.institution.registered", name, type.name());
        return institutions.find(name).orElseThrow();
    }

    public Institution addMember(String name, String username, String actor) {
        String user = checkedUsername(username);
        if (!institutions.addMember(name, user)) {
            throw new NotFound("institution", name);
        }
        audit.record(tenant.require(), actor, "library.institution.member-added", name, user);
        return institutions.find(name).orElseThrow();
    }

    public Institution removeMember(String name, String username, String actor) {
        if (!institutions.removeMember(name, username)) {
            throw new NotFound("institution", name);
        }
        audit.record(tenant.require(), actor, "library.institution.member-removed", name, username);
        return institutions.find(name).orElseThrow();
    }

    /**
     * The names of the institutions whose patents {@code caller} may see, or empty for the whole library. A
     * technology-transfer office that is a member of none sees nothing (fails closed).
     */
    Optional<Set<String>> visibleTo(LibraryCaller caller) {
        if (caller.wholeLibrary()) {
            return Optional.empty();
        }
        return Optional.of(institutions.ofMember(caller.username()).stream().map(Institution::name)
                .collect(Collectors.toUnmodifiableSet()));
    }

    /**
     * The institution an import is for. A technology-transfer office imports for its own institution (named, or
     * its only one); staff import for any institution, and a new name registers it (audited) so that every
     * patent's institution is a member of the tenant.
     */
    String forImport(String requested, LibraryCaller caller) {
        boolean named = requested != null && !requested.isBlank();
        if (caller.wholeLibrary()) {
            String name = normalName(requested);
            ApplicantType type = inferredType(name);
            if (institutions.register(name, type, caller.username())) {
                audit.record(tenant.require(), caller.username(), "library.institution.registered", name,
                        type.name() + " (first import)");
            }
            return name;
        }
        Set<String> mine = visibleTo(caller).orElseThrow();
        if (mine.isEmpty()) {
            throw new Forbidden("您的账号尚未关联任何机构，请联系运营中心将您加入本单位 / Your account acts for no "
                    + "institution yet: ask the operation centre to add you to yours.");
        }
        if (!named) {
            if (mine.size() == 1) {
                return mine.iterator().next();
            }
            throw new ValidationFailed("The import cannot start", List.of(new FieldError("institution", null,
                    "请选择专利所属机构：" + String.join("、", mine.stream().sorted().toList()))));
        }
        String name = requested.strip();
        checkMember(name, mine);
        return name;
    }

    private static void checkMember(String institution, Set<String> mine) {
        if (!mine.contains(institution)) {
            throw new Forbidden("您不是“" + institution + "”的成员，只能处理本单位的专利 / You do not act for "
                    + institution + ": a technology-transfer office handles its own institution's patents only.");
        }
    }

    private static String normalName(String name) {
        String stripped = name == null ? "" : name.strip();
        if (stripped.isEmpty() || stripped.length() > MAX_NAME_LENGTH) {
            throw new ValidationFailed("The institution is not valid", List.of(new FieldError("institution", name,
                    "请填写专利所属机构（最多 " + MAX_NAME_LENGTH + " 字）/ name the institution that owns the patents")));
        }
        return stripped;
    }

    private static ApplicantType typeOf(String text) {
        String value = text.strip().toUpperCase(Locale.ROOT);
        for (ApplicantType type : ApplicantType.values()) {
            if (type.name().equals(value) || type.chinese().equals(text.strip())) {
                return type;
            }
        }
        throw new ValidationFailed("The institution is not valid", List.of(new FieldError("type", text,
                "UNIVERSITY（大专院校）、RESEARCH_INSTITUTE（科研单位）、ENTERPRISE（企业）、INDIVIDUAL（个人）或 OTHER")));
    }

    /** From the name, as patent databases classify applicants (…大学 → university, …研究所 → research institute). */
    private static ApplicantType inferredType(String name) {
        return ApplicantType.parse(name).orElse(ApplicantType.OTHER);
    }

    private static String checkedUsername(String username) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new ValidationFailed("The user name is not valid",
                    List.of(new FieldError("username", username, "a user name of the platform")));
        }
        return username;
    }
}
