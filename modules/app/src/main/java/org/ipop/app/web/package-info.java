/** The REST conventions and endpoints of the platform itself: problem details, tenant selection, logging. */
package org.ipop.app.web;
