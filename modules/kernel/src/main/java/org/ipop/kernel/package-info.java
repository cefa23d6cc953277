/**
 * The shared kernel: value types every module speaks in (the tenant id, the current tenant, the failures that
 * the API turns into problem details). It depends on nothing but the JDK, so every module may use it.
 */
package org.ipop.kernel;
