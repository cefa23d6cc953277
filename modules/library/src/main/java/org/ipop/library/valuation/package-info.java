/**
 * Patent valuation and tiering (市场评价、分层推广; 智能化评估工具). {@link org.ipop.library.valuation.PatentValuation}
 * scores a patent 0–100 along the legal, technical and economic dimensions of GB/T 42748-2023 《专利评估指引》
 * from the data the platform holds, with weights per scenario (licensing and transfer, finance, management) that a
 * tenant may override; every score carries its indicator-by-indicator breakdown so that the UI can say why.
 * {@link org.ipop.library.valuation.TierPolicy} then puts the patent in one of the tenant's tiers (A 重点推广 …
 * D 前景不明) from the score, the screening outcome and enterprises' interest. The score ranks and tiers a
 * library; it is not an appraisal in money. The model is described in docs/valuation.md.
 */
package org.ipop.library.valuation;
