/** The registry's REST resources: {@code /api/enterprises}, {@code /api/demands}, {@code /api/network/demands}. */
package org.ipop.enterprises.web;
