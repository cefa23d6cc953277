package org.ipop.reference;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The reference tables, loaded once per process from the jar. Pure Java so that validation that depends on it
 * (tenant descriptors, imports) can be unit tested without a container.
 */
public final class ReferenceData {

    private static final ReferenceData INSTANCE = new ReferenceData();

    private final Map<String, Region> regions;
    private final Map<String, IndustryBranch> branches;
    private final Map<String, IndustryClass> industryClasses;

    private ReferenceData() {
        this.regions = Collections.unmodifiableMap(loadRegions());
        this.branches = Collections.unmodifiableMap(loadBranches());
        this.industryClasses = Collections.unmodifiableMap(loadIndustryClasses());
    }

    public static ReferenceData get() {
        return INSTANCE;
    }

    public Optional<Region> region(String code) {
        return Optional.ofNullable(regions.get(code));
    }

    /**
     * The divisions within a province ({@code 420000}) or a prefecture ({@code 420100}), the region itself
     * included, in code order.
     */
    public List<Region> regionsWithin(String code) {
        String prefix = code.endsWith("0000") ? code.substring(0, 2) : code.endsWith("00") ? code.substring(0, 4)
                : code;
        return regions.values().stream().filter(region -> region.code().startsWith(prefix)).toList();
    }

    public Optional<IndustryBranch> industryBranch(String code) {
        return Optional.ofNullable(branches.get(code));
    }

    public Collection<IndustryBranch> industryBranches() {
        return branches.values();
    }

    /** A GB/T 4754-2017 code at any level (A, 38, 384, 3841). */
    public Optional<IndustryClass> industryClass(String code) {
        return Optional.ofNullable(industryClasses.get(code));
    }

    /** All 1,971 codes of GB/T 4754-2017, in the order of the standard. */
    public Collection<IndustryClass> industryClasses() {
        return industryClasses.values();
    }

    private static Map<String, IndustryClass> loadIndustryClasses() {
        Map<String, IndustryClass> result = new LinkedHashMap<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(open("gbt4754-2017.csv"),
                StandardCharsets.UTF_8))) {
            in.readLine(); // level,level_name,code,name,parent_code,section,division,group,class,note,implied...
            for (String line; (line = in.readLine()) != null; ) {
                List<String> columns = csvFields(line);
                result.put(columns.get(2), new IndustryClass(columns.get(2), columns.get(3),
                        Integer.parseInt(columns.get(0)), columns.get(1), columns.get(4), columns.get(5)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return result;
    }

    /** The fields of one CSV line (RFC 4180 quoting; the table has no line breaks inside fields). */
    static List<String> csvFields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }

    private static Map<String, Region> loadRegions() {
        Map<String, Region> result = new LinkedHashMap<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(open("divisions_6digit.csv"),
                StandardCharsets.UTF_8))) {
            in.readLine(); // level,code6,name,parent_code6,province_code6,...
            for (String line; (line = in.readLine()) != null; ) {
                String[] columns = line.split(",", -1);
                result.put(columns[1], new Region(columns[1], columns[2], columns[0], columns[3], columns[4]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return result;
    }

    private static Map<String, IndustryBranch> loadBranches() {
        Map<String, IndustryBranch> result = new LinkedHashMap<>();
        try (JsonReader reader = Json.createReader(new InputStreamReader(open("sei-2021-ipc.json"),
                StandardCharsets.UTF_8))) {
            JsonObject catalog = reader.readObject();
            Map<String, String> industryNames = new LinkedHashMap<>();
            catalog.getJsonArray("industries").getValuesAs(JsonObject.class)
                    .forEach(industry -> industryNames.put(industry.getString("code"), industry.getString("name")));
            for (JsonObject branch : catalog.getJsonArray("branches").getValuesAs(JsonObject.class)) {
                String industry = branch.getString("industry_code");
                List<String> keywords = new ArrayList<>();
                for (JsonObject rule : branch.getJsonArray("rules").getValuesAs(JsonObject.class)) {
                    if (rule.containsKey("keywords")) {
                        rule.getJsonArray("keywords").getValuesAs(jakarta.json.JsonString.class)
                                .forEach(keyword -> keywords.add(keyword.getString()));
                    }
                }
                result.put(branch.getString("code"), new IndustryBranch(branch.getString("code"),
                        branch.getString("name"), industry, industryNames.getOrDefault(industry, ""), keywords));
            }
        }
        return result;
    }

    private static InputStream open(String name) {
        InputStream in = ReferenceData.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("reference table missing from the jar: " + name);
        }
        return in;
    }
}
