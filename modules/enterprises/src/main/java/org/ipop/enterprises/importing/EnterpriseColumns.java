package org.ipop.enterprises.importing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.ipop.enterprises.EnterpriseProfile;
import org.ipop.tabular.TabularRow;

/** The columns of an enterprise list, recognised by their Chinese or English headers. */
public enum EnterpriseColumns {
    CREDIT_CODE(true, "统一社会信用代码", "信用代码", "credit_code", "unified_social_credit_code"),
    NAME(true, "企业名称", "名称", "name", "enterprise_name"),
    REGION(true, "所在地区代码", "行政区划代码", "地区代码", "region_code", "region"),
    INDUSTRY_CLASSES(true, "国民经济行业代码", "行业代码", "国民经济行业分类", "industry_classes", "industry_codes"),
    BRANCHES(false, "战略性新兴产业领域", "新兴产业领域", "细分领域", "sei_branches", "branches"),
    SIZE(false, "企业规模", "规模", "size"),
    RECOGNITIONS(false, "资质认定", "企业资质", "认定", "recognitions"),
    PRODUCTS(false, "主营产品", "主要产品", "products"),
    DESCRIPTION(false, "企业简介", "经营范围", "description"),
    KEYWORDS(false, "技术关键词", "关键词", "keywords"),
    IPC_CODES(false, "自有专利IPC", "专利分类号", "ipc_codes", "ipc"),
    CONTACT_NAME(false, "联系人", "contact_name"),
    CONTACT_PHONE(false, "联系电话", "contact_phone", "phone");

    private final boolean required;
    private final List<String> headers;

    EnterpriseColumns(boolean required, String... headers) {
        this.required = required;
        this.headers = List.of(headers);
    }

    public boolean required() {
        return required;
    }

    /** The first accepted header, Chinese, as error messages name the column. */
    public String label() {
        return headers.getFirst();
    }

    /** Which column index holds each known field, from a header row. */
    public static Map<EnterpriseColumns, Integer> locate(List<String> header) {
        Map<EnterpriseColumns, Integer> found = new EnumMap<>(EnterpriseColumns.class);
        for (int i = 0; i < header.size(); i++) {
            String cell = header.get(i).strip().toLowerCase(Locale.ROOT).replace(' ', '_');
            int index = i;
            of(cell).ifPresent(column -> found.putIfAbsent(column, index));
        }
        return found;
    }

    /** The required columns a header lacks. */
    public static List<EnterpriseColumns> missing(Map<EnterpriseColumns, Integer> found) {
        List<EnterpriseColumns> missing = new ArrayList<>();
        Arrays.stream(values()).filter(c -> c.required && !found.containsKey(c)).forEach(missing::add);
        return missing;
    }

    /** The column a profile field is read from (errors of a row name it); the name column if none. */
    public static EnterpriseColumns ofField(String field) {
        return switch (field) {
            case "creditCode" -> CREDIT_CODE;
            case "regionCode" -> REGION;
            case "industryClasses" -> INDUSTRY_CLASSES;
            case "branches" -> BRANCHES;
            case "size" -> SIZE;
            case "recognitions" -> RECOGNITIONS;
            case "products" -> PRODUCTS;
            case "description" -> DESCRIPTION;
            case "keywords" -> KEYWORDS;
            case "ipcCodes" -> IPC_CODES;
            case "contactName" -> CONTACT_NAME;
            case "contactPhone" -> CONTACT_PHONE;
            default -> NAME;
        };
    }

    /** A row as a profile, as written (lists split on 、；, or |); the registry's rules normalise and check it. */
    public static EnterpriseProfile profileOf(TabularRow row, Map<EnterpriseColumns, Integer> columns) {
        Function<EnterpriseColumns, String> cell = column -> columns.containsKey(column)
                ? row.cell(columns.get(column)) : "";
        Function<EnterpriseColumns, List<String>> list = column -> Arrays.stream(cell.apply(column)
                .split("[;；,，、|]")).map(String::strip).filter(v -> !v.isEmpty()).toList();
        return new EnterpriseProfile(cell.apply(CREDIT_CODE), cell.apply(NAME), cell.apply(REGION),
                list.apply(INDUSTRY_CLASSES), list.apply(BRANCHES), cell.apply(SIZE), list.apply(RECOGNITIONS),
                cell.apply(PRODUCTS), cell.apply(DESCRIPTION), list.apply(KEYWORDS), list.apply(IPC_CODES),
                cell.apply(CONTACT_NAME), cell.apply(CONTACT_PHONE));
    }

    private static Optional<EnterpriseColumns> of(String header) {
        return Arrays.stream(values()).filter(c -> c.headers.contains(header)).findFirst();
    }
}
