package org.ipop.library.valuation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.ipop.library.ApplicantType;
import org.ipop.library.PatentRecord;
import org.ipop.library.ScreeningStatus;
import org.ipop.library.PatentType;
import org.junit.jupiter.api.Test;

/**
 * Three real rows of /work/shared/data/samples/cn-patent-export/patents.csv (中科大数据研究院), built by hand. Like
 * most stock patents they have no citations, family, funding or market history, so the legal dimension separates
 * them: the granted invention first, then the granted utility model, then the invention still in examination
 * (which may yet be narrowed or rejected).
 */
class SamplePatentsTest {

    private static final LocalDate AS_OF = LocalDate.of(2025, 6, 1);
    private static final Map<String, String> NOTHING_RECORDED = Map.of("失效日期", "0", "无效宣告日期", "", "引证数", "0");

    /** Row 10: 一种web端数据通用采集方法, invention granted 2024-04-05. */
    static final PatentRecord GRANTED_INVENTION = new PatentRecord("CN202211359874.7", "CN115883397A",
            "CN115883397B", PatentType.INVENTION, "一种web端数据通用采集方法", "",
            "1.一种web端数据通用采集方法，其特征在于，包括以下步骤：步骤一：配置驱动实例的环境信息，创建持久化容器Sqlite数据库，"
                    + "同时创建任务表记录采集任务，开启web服务，暴露出create、xhr和close三个接口，完成服务初始化配置；步骤二：本地根据"
                    + "三个接口创建驱动窗口，远程启动任务实例；步骤三：遍历任务队列，获取任务表中所有子任务信息，并通过xhr接口传递子任务、"
                    + "session_id和process_url以建立请求连接，使驱动访问目标网页，驱动在初始页面中对子任务链接发起xhr请求，实现网站内部"
                    + "环境的请求；步骤四：服务端从请求对象xhr接口异步提取响应内容，并将响应内容ResponseText打包为Json格式通过xhr接口返回"
                    + "客户端，客户端接收到数据后结束本次子任务的数据采集，同时对采集成功的数据进行解析和存储，之后等待新的响应内容；步骤五："
                    + "待任务表中任务全部执行完成，通过服务端实现远程关闭任务实例的会话窗口，同时删除数据库中的任务记录释放驱动内存。",
            List.of("中科大数据研究院"), ApplicantType.RESEARCH_INSTITUTE, List.of("李玺", "康锐文", "冯凯", "王元卓"),
            LocalDate.of(2022, 11, 2), LocalDate.of(2023, 3, 31), LocalDate.of(2024, 4, 5), "有权-审定授权",
            "H04L43/02", List.of("H04L43/02", "H04L9/40", "H04L67/025"), "410000", 0, 0, 0, 0, 0, false, null,
            NOTHING_RECORDED);

    /** Row 3: 无人机巡检系统, utility model granted 2022-10-04. */
    static final PatentRecord GRANTED_UTILITY_MODEL = new PatentRecord("CN202121635235.X", "CN217546176U",
            "CN217546176U", PatentType.UTILITY_MODEL, "无人机巡检系统", "",
            "1.一种无人机巡检系统，其特征在于，包括：无人机和与所述无人机通信连接的管控设备；所述无人机设置有图像采集设备、通信设备、"
                    + "抛投器和喊话器；所述抛投器，用于向目标林业区域抛投物资，所述喊话器，用于向目标人群播放语音信号；所述无人机，在管控"
                    + "设备的控制下飞行至目标林业区域执行巡检任务，并利用图像采集设备对目标林业区域进行图像采集，以及通过通信设备与管控设备"
                    + "进行通信；所述管控设备，用于接收无人机发送的状态信息和包含目标林业区域的视频信息，并展示所述包含目标林业区域的视频"
                    + "信息，并向无人机发送控制指令。",
            List.of("中科大数据研究院"), ApplicantType.RESEARCH_INSTITUTE, List.of("郭晓东", "王煜炜", "王元卓", "刘敏", "付艳波"),
            LocalDate.of(2021, 7, 15), LocalDate.of(2022, 10, 4), LocalDate.of(2022, 10, 4), "有权-审定授权",
            "H04N7/18", List.of("H04N7/18", "G07C1/20", "B64C39/02", "B64D47/08", "B64D1/08", "B64D47/02"), "410000",
            0, 0, 0, 0, 0, false, null, NOTHING_RECORDED);

    /** Row 8: 一种基于图模型的新闻关键词抽取方法及装置, invention application in substantive examination. */
    static final PatentRecord PENDING_INVENTION = new PatentRecord("CN202211740332.4", "CN116245100A", null,
            PatentType.INVENTION, "一种基于图模型的新闻关键词抽取方法及装置", "",
            "1.一种基于图模型的新闻关键词抽取方法，其特征在于，包括以下步骤：步骤1：获取互联网新闻文本数据并进行清洗处理，获得处理的"
                    + "文本T；步骤2：对步骤1处理后的文本T数据进行分句分词，获取候选词；步骤3：对步骤1处理的文本T进行向量表示；步骤4：基于"
                    + "时间平移加权算法获取特定时间段的新闻热点词库及热度；步骤5：基于候选词位置信息、热词词库信息、相似新闻文本，应用改进的"
                    + "图模型计算获得文本关键词的分布情况。",
            List.of("中科大数据研究院"), ApplicantType.RESEARCH_INSTITUTE,
            List.of("吴琼", "刘武雷", "王元卓", "郭建永", "张旭阳", "樊天佑"), LocalDate.of(2022, 12, 30),
            LocalDate.of(2023, 6, 9), null, "审中-实质审查", "G06F40/289",
            List.of("G06F40/289", "G06F40/216", "G06F16/901", "G06F16/33", "G06F16/31"), "410000", 0, 0, 0, 0, 0,
            false, null, NOTHING_RECORDED);

    private final PatentValuation valuation = new PatentValuation();

    private ValueScore score(PatentRecord patent, ValuationScenario scenario) {
        return valuation.score(patent, ValuationInputs.asOf(AS_OF), ValuationWeights.defaults(scenario));
    }

    @Test
    void granted_invention_then_granted_utility_model_then_application_in_every_scenario() {
        for (ValuationScenario scenario : ValuationScenario.values()) {
            double invention = score(GRANTED_INVENTION, scenario).total();
            double utilityModel = score(GRANTED_UTILITY_MODEL, scenario).total();
            double application = score(PENDING_INVENTION, scenario).total();
            assertTrue(invention > utilityModel && utilityModel > application,
                    scenario + ": " + invention + " > " + utilityModel + " > " + application);
        }
    }

    @Test
    void the_legal_dimension_separates_them_and_the_breakdown_shows_why() {
        ValueScore invention = score(GRANTED_INVENTION, ValuationScenario.FINANCE);
        ValueScore utility = score(GRANTED_UTILITY_MODEL, ValuationScenario.FINANCE);
        ValueScore pending = score(PENDING_INVENTION, ValuationScenario.FINANCE);

        assertTrue(invention.legal() > utility.legal() && invention.legal() > pending.legal());
        assertEquals(100, invention.indicator(ValueIndicator.LEGAL_STATUS).score());
        assertEquals(50, pending.indicator(ValueIndicator.LEGAL_STATUS).score());
        assertEquals("审中-实质审查", pending.indicator(ValueIndicator.LEGAL_STATUS).rawInput());
        assertEquals(50, pending.indicator(ValueIndicator.PATENT_TYPE).score());
        assertEquals("剩余保护期 6.1 年（至 2031-07-15）", utility.indicator(ValueIndicator.REMAINING_TERM).rawInput());
        assertEquals("IPC 小类 4 个：B64C、B64D、G07C、H04N", utility.indicator(ValueIndicator.IPC_BREADTH).rawInput());
        assertEquals("未见无效宣告记录", invention.indicator(ValueIndicator.INVALIDATION_HISTORY).rawInput());
    }

    @Test
    void without_market_evidence_admitted_stock_patents_wait_in_tier_c() {
        for (PatentRecord patent : List.of(GRANTED_INVENTION, GRANTED_UTILITY_MODEL, PENDING_INVENTION)) {
            ValueScore score = score(patent, ValuationScenario.LICENSING_TRANSFER);
            assertTrue(score.total() < 50, patent.title() + " " + score.total());
            assertEquals("C", TierPolicy.defaults().tierOf(score, ScreeningStatus.ADMITTED.name(), 0).code());
        }
    }
}
