package org.ipop.library.valuation;

/**
 * What a valuation is for. GB/T 42748-2023 weights its dimensions per purpose; the platform supports the three
 * scenarios its workflows need. The default weights of each are in {@link ValuationWeights#defaults}.
 */
public enum ValuationScenario {
    /** 许可转让: an enterprise buys or licenses the patent, so technical and market evidence weigh most. */
    LICENSING_TRANSFER("许可转让", "Licensing and transfer"),
    /** 质押融资: a bank takes the patent as collateral, so the right must be certain and outlive the loan. */
    FINANCE("质押融资", "Pledge financing"),
    /** 管理: an institution grades its own portfolio (keep, promote, let lapse). */
    MANAGEMENT("管理", "Portfolio management");

    private final String nameZh;
    private final String nameEn;

    ValuationScenario(String nameZh, String nameEn) {
        this.nameZh = nameZh;
        this.nameEn = nameEn;
    }

    public String nameZh() {
        return nameZh;
    }

    public String nameEn() {
        return nameEn;
    }

    public ValuationWeights defaultWeights() {
        return ValuationWeights.defaults(this);
    }
}
