/**
 * Enterprises and their technology demands (企业库、技术需求), per tenant: the enterprise registry (unified social
 * credit code, region, GB/T 4754-2017 industry classes, strategic-emerging-industry branches, size, recognitions,
 * products, keywords, own IPC codes), maintained by the enterprise's own users or by operators (also in bulk), and
 * the demands enterprises post. The root package is the module's API; sub-packages are internal.
 */
package org.ipop.enterprises;
