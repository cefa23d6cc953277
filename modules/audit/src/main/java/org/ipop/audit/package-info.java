/**
 * The audit trail: who did what, when, to which subject, kept per tenant in the tenant's own database and never
 * changed afterwards. Every module records its state changes here so that users can answer "who said what, when".
 */
package org.ipop.audit;
