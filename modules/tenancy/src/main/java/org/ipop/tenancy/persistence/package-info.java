/** Tenant records in the network database: run-time registrations and edited profiles. */
package org.ipop.tenancy.persistence;
