/** The library's REST API under /api/library, and the network catalogue under /api/network/patents. */
package org.ipop.library.web;
