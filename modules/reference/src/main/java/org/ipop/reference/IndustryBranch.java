package org.ipop.reference;

import java.util.List;

/**
 * A branch of the strategic emerging industries (e.g. {@code 6.4} 生物质能及其他新能源产业), as the SEI 2021 concordance names it.
 *
 * @param keywords the keyword phrases of the branch's rules, as the table prints them (product and service
 *                 descriptions such as 燃料电池制造; some hold several phrases separated by ；)
 */
public record IndustryBranch(String code, String name, String industryCode, String industryName,
        List<String> keywords) {

    public IndustryBranch {
        keywords = List.copyOf(keywords);
    }
}
