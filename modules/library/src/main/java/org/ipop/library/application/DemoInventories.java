package org.ipop.library.application;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.ipop.library.importing.ApplicationNumbers;
import org.ipop.library.tagging.Catalog;
import org.ipop.library.tagging.SegmentTagger;
import org.ipop.tenancy.TenantDescriptor;

/**
 * The demo inventories of a tenant, built from the real data shipped with the module
 * ({@code org/ipop/library/demo/README.md}): real patent titles with their real IPC subclasses, chosen because
 * their SEI 2021 tags fall in the tenant's focus industries, so that every demo tenant's library looks like its own.
 * The first tenant of the list also gets the ten real records of the export sample, unchanged.
 *
 * <p>What the titles file lacks is made up, deterministically and visibly: application numbers in a block starting
 * at serial 9,000,000 (valid check digits), the main group of each IPC code (the file has subclasses only),
 * filing dates, the legal status (granted for B and U kind codes, in examination for A), the institution (real
 * universities and institutes, assigned in turn) and citation, family, transfer and licence counts (skewed towards
 * zero, as in real inventories) so that value scores and tiers spread. There are no abstracts or claims: the titles file has none, and
 * invented text would pass for real.
 */
final class DemoInventories {

    /** One institution's inventory file. */
    record Inventory(String institution, String fileName, byte[] csv) {
    }

    static final String SAMPLE_INSTITUTION = "中科大数据研究院";
    private static final String[] HEADER = {"申请号", "专利名称", "申请日", "专利类型", "主分类号", "分类号",
        "申请人", "申请人类型", "法律状态", "国省代码", "引证次数", "简单同族数量", "专利转移次数", "许可次数"};

    private DemoInventories() {
    }

    /**
     * @param tenant       whose focus industries choose the titles
     * @param position     the tenant's position among the demo tenants (spreads them over the titles)
     * @param patents      how many titles to take
     * @param institutions the institutions the titles are assigned to, in turn
     */
    static List<Inventory> forTenant(TenantDescriptor tenant, int position, int patents, List<String> institutions) {
        SegmentTagger tagger = SegmentTagger.standard();
        List<CSVRecord> titles = titles();
        List<CSVRecord> chosen = new ArrayList<>();
        int start = position * 997 % titles.size();
        for (int i = 0; i < titles.size() && chosen.size() < patents; i++) {
            CSVRecord title = titles.get((start + i) % titles.size());
            if (ipcCodes(title).isEmpty()) {
                continue;
            }
            boolean inFocus = tagger.tag(ipcCodes(title), title.get("title"), "", "").stream()
                    .anyMatch(tag -> tag.catalog() == Catalog.SEI_2021 && tenant.focusIndustries().stream()
                            .anyMatch(focus -> tag.branchCode().equals(focus)
                                    || tag.branchCode().startsWith(focus + ".")));
            if (inFocus) {
                chosen.add(title);
            }
        }
        Map<String, List<List<String>>> rows = new LinkedHashMap<>();
        for (int i = 0; i < chosen.size(); i++) {
            CSVRecord title = chosen.get(i);
            String institution = institutions.get(i % institutions.size());
            String kind = title.get("publication_number").substring(title.get("publication_number").length() - 1);
            boolean invention = !kind.equals("U");
            int year = 2015 + Math.floorMod(title.get("title").hashCode(), 9);
            String digits = year + (invention ? "1" : "2") + (9_000_000 + position * 100_000 + i);
            List<String> ipc = ipcCodes(title);
            rows.computeIfAbsent(institution, key -> new ArrayList<>()).add(List.of(
                    "CN" + digits + "." + ApplicationNumbers.checkDigit(digits),
                    title.get("title"),
                    year + String.format("%02d%02d", 1 + i % 12, 1 + i % 28),
                    invention ? "发明" : "实用新型",
                    ipc.getFirst(),
                    String.join(";", ipc),
                    institution,
                    institution.contains("研究") ? "科研单位" : "大专院校",
                    kind.equals("A") ? "审中-实审" : "有权-审定授权",
                    tenant.regionCode(),
                    // Spread like real inventories: most patents never cited, licensed or transferred.
                    String.valueOf(skewed(title, 1, 40)),
                    String.valueOf(1 + skewed(title, 2, 6)),
                    String.valueOf(skewed(title, 3, 3)),
                    String.valueOf(skewed(title, 4, 3))));
        }
        List<Inventory> inventories = new ArrayList<>();
        if (position == 0) {
            inventories.add(new Inventory(SAMPLE_INSTITUTION, "patents.csv", resource("patents.csv")));
        }
        rows.forEach((institution, lines) -> inventories.add(new Inventory(institution, "demo-inventory.csv",
                csv(lines))));
        return inventories;
    }

    /** A deterministic count in [0, max], small most of the time (the square of a uniform draw). */
    private static int skewed(CSVRecord title, int salt, int max) {
        double uniform = Math.floorMod((title.get("publication_number") + salt).hashCode(), 1000) / 1000.0;
        return (int) Math.floor(uniform * uniform * (max + 1));
    }

    /** Subclass plus a main group derived from the publication number: the titles file has subclasses only. */
    private static List<String> ipcCodes(CSVRecord title) {
        List<String> codes = new ArrayList<>();
        int group = 1 + Math.floorMod(title.get("publication_number").hashCode(), 30);
        for (String subclass : title.get("ipc_subclasses").split("\\|")) {
            if (!subclass.isBlank()) {
                codes.add(subclass.strip() + group + "/00");
            }
        }
        return codes;
    }

    private static byte[] csv(List<List<String>> rows) {
        StringBuilder out = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            printer.printRecord((Object[]) HEADER);
            for (List<String> row : rows) {
                printer.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static List<CSVRecord> titles() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new java.io.ByteArrayInputStream(resource("titles.csv")), StandardCharsets.UTF_8))) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)
                    .getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] resource(String name) {
        try (InputStream in = DemoInventories.class.getResourceAsStream("/org/ipop/library/demo/" + name)) {
            if (in == null) {
                throw new IllegalStateException("/org/ipop/library/demo/" + name + " is not on the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
