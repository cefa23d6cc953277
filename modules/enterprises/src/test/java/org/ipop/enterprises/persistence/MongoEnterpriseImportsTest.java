package org.ipop.enterprises.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ipop.enterprises.EnterpriseImportJob;
import org.ipop.enterprises.EnterpriseImportJob.RowProblem;
import org.ipop.enterprises.EnterpriseProfile;
import org.ipop.kernel.TenantId;
import org.ipop.persistence.Databases;
import org.ipop.persistence.TestStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Enterprise list imports as stored (through the official driver, against the embedded MongoDB-protocol store): a
 * job whose node stopped is told from a running one by its lease, the job shows its first refused cells in row
 * order while the report has all of them, and a bulk save keeps what the list does not carry.
 */
class MongoEnterpriseImportsTest {

    private static final TenantId HUBEI = new TenantId("hubei");

    @TempDir
    Path dataDirectory;
    private TestStore store;
    private Databases databases;
    private MongoEnterpriseImports jobs;

    @BeforeEach
    void start() {
        store = TestStore.start(dataDirectory.resolve("store"));
        databases = store.databases();
        jobs = new MongoEnterpriseImports(databases);
    }

    @AfterEach
    void stop() {
        store.close();
    }

    @Test
    void a_job_whose_lease_lapsed_is_marked_failed_and_a_running_one_is_left_alone() {
        jobs.create(HUBEI, "stopped", "a.csv", "hubei-operator", -1);
        jobs.create(HUBEI, "running", "b.csv", "hubei-operator", 60_000);
        jobs.recordBatch(HUBEI, "running", 500, 490, 0, 10, 1_000, List.of(), 60_000);
        jobs.create(HUBEI, "done", "c.csv", "hubei-operator", -1);
        jobs.finish(HUBEI, "done", EnterpriseImportJob.COMPLETED, null);

        assertEquals(List.of("stopped"), jobs.failAbandoned(HUBEI, "interrupted"));

        EnterpriseImportJob stopped = jobs.find(HUBEI, "stopped").orElseThrow();
        assertEquals(EnterpriseImportJob.FAILED, stopped.status());
        assertEquals("interrupted", stopped.failure());
        assertEquals(EnterpriseImportJob.RUNNING, jobs.find(HUBEI, "running").orElseThrow().status());
        assertEquals(EnterpriseImportJob.COMPLETED, jobs.find(HUBEI, "done").orElseThrow().status());
        assertEquals(List.of(), jobs.failAbandoned(HUBEI, "interrupted"));
        assertEquals(List.of(), jobs.failAbandoned(new TenantId("wuhan"), "interrupted"));
    }

    @Test
    void a_job_shows_its_first_cells_in_row_order_and_its_report_has_every_one() {
        jobs.create(HUBEI, "long", "long.csv", "hubei-operator", 60_000);
        List<RowProblem> later = new ArrayList<>();
        List<RowProblem> earlier = new ArrayList<>();
        for (int row = 2; row < 152; row++) {
            (row >= 77 ? later : earlier).add(new RowProblem(row, "所在地区代码", "999999", "unknown region"));
        }
        // Stored out of row order; the job and the report still read in row order.
        jobs.recordBatch(HUBEI, "long", 1_000, 700, 150, 75, 800, later, 60_000);
        jobs.recordBatch(HUBEI, "long", 1_500, 1_200, 150, 150, 900, earlier, 60_000);

        EnterpriseImportJob job = jobs.find(HUBEI, "long").orElseThrow();
        assertEquals(1_500, job.rows());
        assertEquals(1_200, job.created());
        assertEquals(150, job.refusedRows());
        assertEquals(EnterpriseImportJob.ERRORS_SHOWN, job.errors().size());
        assertEquals(2, job.errors().getFirst().row());
        assertEquals(101, job.errors().getLast().row());
        List<Integer> reported = new ArrayList<>();
        jobs.forEachProblem(HUBEI, "long", problem -> reported.add(problem.row()));
        assertEquals(150, reported.size());
        assertEquals(reported.stream().sorted().toList(), reported);
        assertEquals(List.of(), jobs.recent(HUBEI, 20).getFirst().errors());
        assertEquals(List.of(), jobs.recent(new TenantId("wuhan"), 20));
    }

    @Test
    void saving_a_batch_again_updates_and_keeps_the_users_and_creation_time() {
        MongoEnterprises enterprises = new MongoEnterprises(databases);
        List<EnterpriseProfile> batch = List.of(profile("91420100MA4KXYZ123", "甲公司"), profile("91420100MA4KXYZ456", "乙公司"));
        assertEquals(2, enterprises.saveAll(HUBEI, batch, "hubei-operator"));
        var stored = databases.forTenant(HUBEI).getCollection(MongoEnterprises.ENTERPRISES);
        stored.updateOne(Filters.eq("_id", "91420100MA4KXYZ123"), Updates.set("members", List.of("hubei-enterprise")));
        var createdAt = stored.find(Filters.eq("_id", "91420100MA4KXYZ123")).first().getDate("createdAt");

        assertEquals(1, enterprises.saveAll(HUBEI, List.of(profile("91420100MA4KXYZ123", "甲公司（更名）"),
                profile("91420100MA4KXYZ789", "丙公司")), "hubei-operator"));

        var first = stored.find(Filters.eq("_id", "91420100MA4KXYZ123")).first();
        assertEquals("甲公司（更名）", first.getString("name"));
        assertEquals(List.of("hubei-enterprise"), first.getList("members", String.class));
        assertEquals(createdAt, first.getDate("createdAt"));
        assertEquals("420000", first.getString("provinceCode"));
        assertEquals(3, stored.countDocuments());
        assertEquals(0, databases.forTenant(new TenantId("wuhan")).getCollection(MongoEnterprises.ENTERPRISES)
                .countDocuments());
    }

    private static EnterpriseProfile profile(String creditCode, String name) {
        return new EnterpriseProfile(creditCode, name, "420100", List.of("3841"), List.of(), null, List.of(), null,
                null, List.of(), List.of(), null, null);
    }
}
