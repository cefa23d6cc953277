/**
 * The registry's MongoDB collections: {@code enterprises} (one document per credit code),
 * {@code enterprise_members} (user → enterprise, a unique lookup) and {@code demands} in each tenant database, and
 * the published demands in the network database. Internal to the module.
 */
package org.ipop.enterprises.persistence;
