/** Background work of the enterprise registry: bulk imports of enterprise lists. Internal to the module. */
package org.ipop.enterprises.application;
