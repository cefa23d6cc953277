package org.ipop.library.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.ipop.library.PatentRecord;
import org.ipop.library.importing.InventoryReader;
import org.ipop.library.importing.InventoryRow;
import org.ipop.library.tagging.Catalog;
import org.ipop.library.tagging.SegmentTagger;
import org.ipop.tenancy.TenantDescriptor;
import org.ipop.tenancy.TenantDescriptors;
import org.junit.jupiter.api.Test;

/**
 * The demo inventories go through the real importer: every row must be valid, the numbers unique across tenants,
 * each tenant's titles tagged in its focus industries, and the first tenant must get the real sample unchanged.
 */
class DemoInventoriesTest {

    private static final List<TenantDescriptor> TENANTS = TenantDescriptors.readDirectory(Path.of("../../tenants"),
            List.of(new LibrarySettingsValidator(), LibrarySettingsValidatorTest.MATCHING_SECTION)).stream()
            .sorted(java.util.Comparator.comparing(tenant -> tenant.id().value())).toList();
    private static final List<String> INSTITUTIONS = List.of("华中科技大学", "武汉大学", "中国科学院武汉岩土力学研究所");

    private static List<PatentRecord> read(DemoInventories.Inventory inventory) {
        List<PatentRecord> records = new ArrayList<>();
        try (InventoryReader reader = InventoryReader.open(new ByteArrayInputStream(inventory.csv()),
                inventory.fileName())) {
            for (InventoryRow row : reader) {
                if (!(row instanceof InventoryRow.Valid valid)) {
                    throw new AssertionError(inventory.institution() + ": " + row);
                }
                records.add(valid.record());
            }
        }
        return records;
    }

    @Test
    void every_demo_row_is_valid_unique_and_in_its_tenants_focus_industries() {
        SegmentTagger tagger = SegmentTagger.standard();
        Set<String> numbers = new HashSet<>();
        for (int position = 0; position < TENANTS.size(); position++) {
            TenantDescriptor tenant = TENANTS.get(position);
            List<DemoInventories.Inventory> inventories = DemoInventories.forTenant(tenant, position, 120,
                    INSTITUTIONS);
            int generated = 0;
            for (DemoInventories.Inventory inventory : inventories) {
                for (PatentRecord record : read(inventory)) {
                    assertTrue(numbers.add(record.applicationNumber()), "duplicate " + record.applicationNumber());
                    if (inventory.institution().equals(DemoInventories.SAMPLE_INSTITUTION)) {
                        continue;
                    }
                    generated++;
                    assertTrue(tagger.tag(record.ipcCodes(), record.title(), "", "").stream()
                            .anyMatch(tag -> tag.catalog() == Catalog.SEI_2021 && tenant.focusIndustries().stream()
                                    .anyMatch(focus -> (tag.branchCode() + ".").startsWith(focus + "."))),
                            record.title() + " is not in the focus industries of " + tenant.id());
                }
            }
            assertTrue(generated > 50, tenant.id() + " got " + generated + " demo patents");
            assertEquals(position == 0, inventories.stream()
                    .anyMatch(inventory -> inventory.institution().equals(DemoInventories.SAMPLE_INSTITUTION)));
        }
    }

    @Test
    void the_demo_data_is_the_same_every_time() {
        TenantDescriptor tenant = TENANTS.getFirst();
        List<DemoInventories.Inventory> first = DemoInventories.forTenant(tenant, 0, 50, INSTITUTIONS);
        List<DemoInventories.Inventory> second = DemoInventories.forTenant(tenant, 0, 50, INSTITUTIONS);
        assertEquals(first.size(), second.size());
        for (int i = 0; i < first.size(); i++) {
            assertEquals(new String(first.get(i).csv(), java.nio.charset.StandardCharsets.UTF_8),
                    new String(second.get(i).csv(), java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}
