package org.ipop.enterprises;

import java.util.List;

/**
 * What an enterprise states about itself, as entered or imported.
 *
 * @param creditCode      统一社会信用代码, 18 characters with its check character
 * @param regionCode      6-digit administrative division (区县 or 市 or 省)
 * @param industryClasses GB/T 4754-2017 codes (any level, usually 4-digit classes)
 * @param branches        strategic-emerging-industry branches (SEI 2021 codes such as {@code 6.4})
 * @param size            {@link EnterpriseSize} name
 * @param recognitions    {@link Recognition} names
 * @param keywords        technology keywords
 * @param ipcCodes        IPC codes of the enterprise's own patents, if it has any
 */
public record EnterpriseProfile(String creditCode, String name, String regionCode, List<String> industryClasses,
        List<String> branches, String size, List<String> recognitions, String products, String description,
        List<String> keywords, List<String> ipcCodes, String contactName, String contactPhone) {

    public EnterpriseProfile {
        industryClasses = industryClasses == null ? List.of() : List.copyOf(industryClasses);
        branches = branches == null ? List.of() : List.copyOf(branches);
        recognitions = recognitions == null ? List.of() : List.copyOf(recognitions);
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
        ipcCodes = ipcCodes == null ? List.of() : List.copyOf(ipcCodes);
    }
}
