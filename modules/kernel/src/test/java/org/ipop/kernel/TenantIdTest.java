package org.ipop.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TenantIdTest {

    @Test
    void accepts_a_lower_case_alias() {
        assertEquals("hubei", TenantId.of("hubei").value());
        assertTrue(TenantId.isValid("hydrogen-energy"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a", "Hubei", "1hubei", "hu bei", "hubei-", "湖北", "hubei.centre", "x-tenant/../a"})
    void refuses_what_cannot_be_a_database_name_or_organization_alias(String candidate) {
        assertFalse(TenantId.isValid(candidate));
        assertThrows(IllegalArgumentException.class, () -> TenantId.of(candidate));
    }
}
