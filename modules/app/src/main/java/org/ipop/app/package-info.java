/**
 * The application: assembles the modules into one WAR, and holds what belongs to no single module — the REST
 * conventions (problem details, the tenant filter, request logs), the platform administration API, health checks
 * and the web shell.
 */
package org.ipop.app;
