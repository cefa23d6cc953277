package org.ipop.enterprises.domain;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.ipop.enterprises.CooperationMode;
import org.ipop.enterprises.CreditCodes;
import org.ipop.enterprises.DemandInput;
import org.ipop.enterprises.EnterpriseProfile;
import org.ipop.enterprises.EnterpriseSize;
import org.ipop.enterprises.Recognition;
import org.ipop.kernel.FieldError;
import org.ipop.reference.ReferenceData;

/**
 * Normalises and validates enterprise profiles and demands against the reference tables: every problem is reported
 * with its field, value and a bilingual reason, so that a form and an import's error report can show them all.
 */
public final class EnterpriseRules {

    /** An IPC subclass (H01M) or full code (H01M8/04, H01M 8/04). */
    private static final Pattern IPC = Pattern.compile("[A-H]\\d{2}[A-Z](\\s*\\d{1,4}/\\d{1,6})?");
    private static final Pattern PHONE = Pattern.compile("[0-9+()\\- ]{5,20}");
    private static final int MAX_TEXT = 4_000;

    private final ReferenceData reference;

    public EnterpriseRules(ReferenceData reference) {
        this.reference = reference;
    }

    /** The profile as it will be stored: codes normalised, lists trimmed and without duplicates. */
    public EnterpriseProfile normalise(EnterpriseProfile profile) {
        return new EnterpriseProfile(CreditCodes.normalise(profile.creditCode()), strip(profile.name()),
                strip(profile.regionCode()), distinct(profile.industryClasses(), false),
                distinct(profile.branches(), false),
                EnterpriseSize.parse(profile.size()).map(Enum::name).orElse(strip(profile.size())),
                profile.recognitions().stream().map(r -> Recognition.parse(r).map(Enum::name).orElse(strip(r)))
                        .filter(r -> !r.isEmpty()).distinct().toList(),
                strip(profile.products()), strip(profile.description()), distinct(profile.keywords(), false),
                distinct(profile.ipcCodes(), true), strip(profile.contactName()), strip(profile.contactPhone()));
    }

    /** Every problem of a normalised profile; empty if it is valid. */
    public List<FieldError> check(EnterpriseProfile profile) {
        List<FieldError> errors = new ArrayList<>();
        CreditCodes.problem(profile.creditCode()).ifPresent(problem -> errors.add(new FieldError("creditCode",
                profile.creditCode(), problem)));
        if (profile.name().isEmpty()) {
            errors.add(new FieldError("name", null, "企业名称必填 / the name is required"));
        } else if (profile.name().length() > 100) {
            errors.add(new FieldError("name", profile.name(), "企业名称过长 / at most 100 characters"));
        }
        if (profile.regionCode().isEmpty()) {
            errors.add(new FieldError("regionCode", null, "所在地区必填 / the region is required"));
        } else if (reference.region(profile.regionCode()).isEmpty()) {
            errors.add(new FieldError("regionCode", profile.regionCode(),
                    "不是有效的 6 位行政区划代码 / not a 6-digit administrative division code"));
        }
        if (profile.industryClasses().isEmpty()) {
            errors.add(new FieldError("industryClasses", null,
                    "至少填写一个国民经济行业分类代码 / at least one GB/T 4754-2017 code"));
        }
        for (String code : profile.industryClasses()) {
            if (reference.industryClass(code).isEmpty()) {
                errors.add(new FieldError("industryClasses", code,
                        "不是 GB/T 4754-2017 的行业代码 / not a GB/T 4754-2017 code"));
            }
        }
        for (String branch : profile.branches()) {
            if (reference.industryBranch(branch).isEmpty()) {
                errors.add(new FieldError("branches", branch,
                        "不是战略性新兴产业分类的细分领域代码（如 6.4）/ not an SEI 2021 branch code (e.g. 6.4)"));
            }
        }
        if (!profile.size().isEmpty() && EnterpriseSize.parse(profile.size()).isEmpty()) {
            errors.add(new FieldError("size", profile.size(), "大型、中型、小型或微型 / LARGE, MEDIUM, SMALL or MICRO"));
        }
        for (String recognition : profile.recognitions()) {
            if (Recognition.parse(recognition).isEmpty()) {
                errors.add(new FieldError("recognitions", recognition,
                        "专精特新、小巨人、高新技术企业或科技型中小企业 / not a known recognition"));
            }
        }
        for (String ipc : profile.ipcCodes()) {
            if (!IPC.matcher(ipc).matches()) {
                errors.add(new FieldError("ipcCodes", ipc, "不是有效的 IPC 分类号（如 H01M8/04）/ not an IPC code"));
            }
        }
        if (profile.products().length() > MAX_TEXT || profile.description().length() > MAX_TEXT) {
            errors.add(new FieldError(profile.products().length() > MAX_TEXT ? "products" : "description", null,
                    "最多 " + MAX_TEXT + " 字 / at most " + MAX_TEXT + " characters"));
        }
        if (!profile.contactPhone().isEmpty() && !PHONE.matcher(profile.contactPhone()).matches()) {
            errors.add(new FieldError("contactPhone", profile.contactPhone(), "不是有效的电话号码 / not a phone number"));
        }
        return errors;
    }

    /** Every problem of a demand; empty if it is valid. */
    public List<FieldError> check(DemandInput demand, LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        if (strip(demand.title()).isEmpty()) {
            errors.add(new FieldError("title", null, "需求名称必填 / the title is required"));
        }
        if (strip(demand.problem()).length() < 10) {
            errors.add(new FieldError("problem", demand.problem(),
                    "请用至少 10 个字描述要解决的问题 / describe the problem in at least 10 characters"));
        }
        if (demand.segment() != null && !demand.segment().isBlank()
                && reference.industryBranch(demand.segment().strip()).isEmpty()) {
            errors.add(new FieldError("segment", demand.segment(), "不是战略性新兴产业细分领域代码 / not an SEI 2021 branch"));
        }
        if (demand.budgetMin() != null && demand.budgetMin() < 0) {
            errors.add(new FieldError("budgetMin", demand.budgetMin().toString(), "不能为负 / must not be negative"));
        }
        if (demand.budgetMin() != null && demand.budgetMax() != null && demand.budgetMax() < demand.budgetMin()) {
            errors.add(new FieldError("budgetMax", demand.budgetMax().toString(),
                    "预算上限低于下限 / below the lower end of the budget"));
        }
        for (String mode : demand.modes()) {
            try {
                CooperationMode.valueOf(mode.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("modes", mode, "合作方式应为 " + java.util.Arrays.toString(
                        CooperationMode.values()) + " / not a cooperation mode"));
            }
        }
        if (demand.deadline() != null && !demand.deadline().isBlank()) {
            try {
                if (LocalDate.parse(demand.deadline().strip()).isBefore(today)) {
                    errors.add(new FieldError("deadline", demand.deadline(), "截止日期已过 / the deadline has passed"));
                }
            } catch (DateTimeParseException e) {
                errors.add(new FieldError("deadline", demand.deadline(), "日期格式应为 YYYY-MM-DD / not a date"));
            }
        }
        return errors;
    }

    private static String strip(String text) {
        return text == null ? "" : text.strip();
    }

    private static List<String> distinct(List<String> values, boolean upperCase) {
        LinkedHashSet<String> result = new LinkedHashSet<>();
        for (String value : values) {
            String text = strip(value);
            if (!text.isEmpty()) {
                result.add(upperCase ? text.toUpperCase(Locale.ROOT).replace(" ", "") : text);
            }
        }
        return List.copyOf(result);
    }
}
