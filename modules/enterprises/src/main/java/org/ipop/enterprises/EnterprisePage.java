package org.ipop.enterprises;

import java.util.List;

/** One page of the registry. */
public record EnterprisePage(long total, int page, int size, List<EnterpriseView> enterprises) {
}
