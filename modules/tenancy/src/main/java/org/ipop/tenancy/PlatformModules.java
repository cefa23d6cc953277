package org.ipop.tenancy;

import java.util.List;

/**
 * The capability modules a tenant can switch on in its descriptor. A descriptor that names anything else is refused
 * at start-up, so a typo cannot silently switch a capability off. Modules are added here as they are built.
 */
public final class PlatformModules {

    public static final List<String> ALL = List.of(
            "resource-library",   // 存量专利盘点、筛选入库、分层
            "matching",           // 按产业细分领域匹配推送
            "connections",        // 对接与定向反馈
            "open-licensing",     // 专利开放许可
            "transactions",       // 转让、许可与登记
            "roadshows",          // 路演推介与交易撮合
            "patent-pools",       // 专利池
            "finance",            // 质押融资
            "intensive-products", // 专利密集型产品备案
            "statistics");        // 统计监测

    private PlatformModules() {
    }
}
