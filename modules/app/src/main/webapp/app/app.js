// IPOP web shell: signs the user in through Keycloak, asks the API who they are and shows the landing of
// their most significant role. All rendering goes through h(), which only ever sets textContent, so data
// from the server (tenant names, audit details) can never be interpreted as HTML.

import { t, has, getLang, setLang, otherLang, localName } from './i18n.js';
import { createLibrary, parseRoute, routes } from './library.js';
import { createMatching } from './matching.js';

const TENANT_KEY = 'ipop.tenant';
// The first role of the user found in this list decides the landing page.
const ROLE_ORDER = ['platform-admin', 'tenant-admin', 'operator', 'tto', 'enterprise', 'investor',
  'alliance-admin', 'citizen'];
const TENANT_KINDS = ['regional', 'industry', 'alliance'];
// Mirrors org.ipop.tenancy.PlatformModules; the server remains the judge of what is valid.
const MODULES = ['resource-library', 'matching', 'connections', 'open-licensing', 'transactions', 'roadshows',
  'patent-pools', 'finance', 'intensive-products', 'statistics'];
const HEX_COLOUR = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

const idle = () => ({ status: 'idle', value: null, error: null });

const state = {
  ready: false,              // false until Keycloak has told us whether the user is signed in
  keycloak: null,
  authenticated: false,
  alert: null,               // a page-wide problem (configuration, sign-in, expired session) as a message key
  me: null,
  meLoad: idle(),
  network: idle(),
  tenants: idle(),
  audit: idle(),
  createTenant: { busy: false, problem: null, result: null },
  profileForm: { busy: false, problem: null, saved: false },
};

// ---------------------------------------------------------------------------------------------------------
// DOM helpers

function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value == null || value === false) continue;
    if (key === 'class') el.className = value;
    else if (key === 'text') el.textContent = value;
    else if (key === 'style') el.style.cssText = value;
    else if (key.startsWith('on')) el.addEventListener(key.slice(2), value);
    else el.setAttribute(key, value === true ? '' : value);
  }
  for (const child of children.flat(Infinity)) {
    if (child != null && child !== false) el.append(child instanceof Node ? child : String(child));
  }
  return el;
}

// A section is a part of the page that re-renders on its own when its data arrives, so that a slow list
// does not wipe what the user is typing into a form elsewhere on the page.
const sections = new Map();

function section(name, render, props = {}) {
  const el = h('div', { ...props, 'data-section': name });
  sections.set(name, { el, render });
  el.replaceChildren(...nodes(render()));
  return el;
}

function refresh(name, { keepValues = true } = {}) {
  const s = sections.get(name);
  if (!s || !s.el.isConnected) return;
  const saved = keepValues ? captureInputs(s.el) : null;
  s.el.replaceChildren(...nodes(s.render()));
  if (saved) restoreInputs(s.el, saved);
}

function nodes(rendered) {
  return [rendered].flat(Infinity).filter((n) => n != null && n !== false);
}

function captureInputs(root) {
  const values = new Map();
  for (const input of root.querySelectorAll('input[id], select[id], textarea[id]')) {
    if (input.type === 'file') continue;  // cannot be set from script; the library keeps the chosen file itself
    values.set(input.id, input.type === 'checkbox' ? input.checked : input.value);
  }
  const focused = root.contains(document.activeElement) ? document.activeElement.id : null;
  return { values, focused };
}

function restoreInputs(root, { values, focused }) {
  for (const [id, value] of values) {
    const input = root.querySelector(`#${CSS.escape(id)}`);
    if (!input) continue;
    if (input.type === 'checkbox') input.checked = value;
    else input.value = value;
    input.dispatchEvent(new Event('input'));
  }
  if (focused) root.querySelector(`#${CSS.escape(focused)}`)?.focus();
}

function list(items) {
  return items.filter(Boolean).join(t('list.separator'));
}

/** A label followed by the language's own colon ("：" in Chinese). */
function labelText(key) {
  return t(key) + t('label.suffix');
}

function roleLabel(role) {
  return has(`role.${role}`) ? t(`role.${role}`) : role;
}

function kindLabel(kind) {
  return has(`kind.${kind}`) ? t(`kind.${kind}`) : (kind ?? '');
}

function moduleLabel(code) {
  return has(`module.${code}`) ? t(`module.${code}`) : code;
}

function formatTime(iso) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso ?? '';
  return new Intl.DateTimeFormat(getLang(), { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

// ---------------------------------------------------------------------------------------------------------
// API access

class ApiError extends Error {
  constructor({ status = 0, title, detail = '', errors = [] }) {
    super(title);
    this.status = status;
    this.title = title;
    this.detail = detail;
    this.errors = Array.isArray(errors) ? errors : [];
  }
}

function statusTitle(status) {
  if (has(`error.status.${status}`)) return t(`error.status.${status}`);
  return status >= 500 ? t('error.status.5xx') : t('error.status.other');
}

async function problemFrom(response) {
  let body = null;
  try { body = await response.json(); } catch { /* not JSON: fall back to the status text below */ }
  const problem = body && typeof body === 'object' ? body : {};
  return new ApiError({
    status: response.status,
    title: typeof problem.title === 'string' && problem.title ? problem.title : statusTitle(response.status),
    detail: typeof problem.detail === 'string' ? problem.detail : '',
    errors: problem.errors,
  });
}

// Kept in memory as well, so that choosing a tenant still works where storage is disabled.
let tenantChoice = (() => {
  try { return sessionStorage.getItem(TENANT_KEY); } catch { return null; }
})();

function chosenTenant() {
  return tenantChoice;
}

function chooseTenant(id) {
  tenantChoice = id || null;
  try {
    if (tenantChoice) sessionStorage.setItem(TENANT_KEY, tenantChoice); else sessionStorage.removeItem(TENANT_KEY);
  } catch { /* the choice then lasts until the page is reloaded */ }
}

/**
 * Calls the API. `body` is sent as JSON; `upload` (a Blob or File) is sent as it is, as application/octet-stream;
 * with `download` the answer is returned as a Blob instead of being read as JSON. Failures throw an ApiError made
 * from the problem details.
 */
async function api(path, { method = 'GET', body, auth = true, upload, download = false } = {}) {
  const headers = { Accept: download ? '*/*' : 'application/json, application/problem+json' };
  if (auth) {
    try {
      await state.keycloak.updateToken(30);
    } catch {
      throw new ApiError({ status: 401, title: t('auth.expired') });
    }
    headers.Authorization = `Bearer ${state.keycloak.token}`;
    const tenant = chosenTenant() ?? state.me?.activeTenant?.id;
    if (tenant) headers['X-IPOP-Tenant'] = tenant;
  }
  let payload;
  if (upload !== undefined) {
    headers['Content-Type'] = 'application/octet-stream';
    payload = upload;
  } else if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  }

  let response;
  try {
    response = await fetch(path, { method, headers, body: payload });
  } catch {
    throw new ApiError({ title: t('error.network') });
  }
  if (!response.ok) throw await problemFrom(response);
  if (download) {
    try {
      return await response.blob();
    } catch {
      throw new ApiError({ title: t('error.network') });
    }
  }
  if (response.status === 204) return null;
  try {
    return await response.json();
  } catch {
    throw new ApiError({ status: response.status, title: t('error.badResponse') });
  }
}

/** Saves a Blob under fileName through a temporary link, the way a browser downloads an attachment. */
function saveBlob(blob, fileName) {
  const url = URL.createObjectURL(blob);
  const link = h('a', { href: url, download: fileName, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Downloads path as fileName: holder.busy while it runs, holder.problem if it failed; sectionName re-rendered. */
async function download(holder, sectionName, path, fileName) {
  if (holder.busy) return;
  Object.assign(holder, { busy: true, problem: null });
  refresh(sectionName);
  try {
    saveBlob(await api(path, { download: true }), fileName);
    holder.busy = false;
  } catch (error) {
    if (handleExpiredSession(error)) return;
    Object.assign(holder, { busy: false, problem: error });
  }
  refresh(sectionName);
}

/** A 401 means the session is gone; the page falls back to the public landing. Returns whether it handled it. */
function handleExpiredSession(error) {
  if (!(error instanceof ApiError) || error.status !== 401 || !state.authenticated) return false;
  state.keycloak.clearToken();
  state.authenticated = false;
  state.me = null;
  state.alert = { kind: 'warning', key: 'auth.expired' };
  resetTenantData();
  applyBranding(null);
  renderAll();
  return true;
}

async function load(key, path, options = {}) {
  const pending = { status: 'loading', value: null, error: null };
  state[key] = pending;
  refresh(key);
  let outcome;
  try {
    outcome = { status: 'ready', value: await api(path, options), error: null };
  } catch (error) {
    if (handleExpiredSession(error)) return;
    outcome = { status: 'error', value: null, error };
  }
  // A newer request (after a tenant switch, say) has replaced this one: its answer must not be overwritten.
  if (state[key] !== pending) return;
  state[key] = outcome;
  refresh(key);
}

const loaders = {
  // The network catalogue names each patent's operation centre from this list.
  network: () => load('network', '/api/network/tenants', { auth: false }).then(() => refresh('catalogue')),
  tenants: () => load('tenants', '/api/tenants'),
  audit: () => load('audit', '/api/audit?limit=50'),
};

function resetTenantData() {
  library.reset();
  matching.reset();
  state.tenants = idle();
  state.audit = idle();
  state.createTenant = { busy: false, problem: null, result: null };
  state.profileForm = { busy: false, problem: null, saved: false };
}

// ---------------------------------------------------------------------------------------------------------
// Authentication

async function boot() {
  renderAll();
  await initKeycloak();
  state.ready = true;
  if (state.authenticated) await loadMe(); else renderAll();
}

async function initKeycloak() {
  let config;
  try {
    config = await api('/api/config', { auth: false });
  } catch {
    state.alert = { kind: 'danger', key: 'auth.configFailed' };
    return;
  }
  let keycloak;
  try {
    keycloak = new window.Keycloak({ url: config.keycloakUrl, realm: config.realm, clientId: config.clientId });
    // No onLoad: the user is signed in only by pressing the login button (authorization code + PKCE).
    state.authenticated = await keycloak.init({ pkceMethod: 'S256', checkLoginIframe: false });
  } catch (error) {
    // keycloak-js rejects with the OAuth error when the user came back from a refused or cancelled login;
    // the adapter is still usable for another attempt then.
    state.alert = error && error.error
      ? { kind: 'warning', key: 'auth.loginFailed', detail: error.error_description || error.error }
      : { kind: 'danger', key: 'auth.unavailable' };
  }
  state.keycloak = keycloak ?? null;
}

function login() {
  // Back to the page without its fragment: keycloak-js returns the authorization code in the fragment.
  state.keycloak?.login({
    scope: 'openid organization:*', locale: getLang(), redirectUri: `${location.origin}${location.pathname}${location.search}`,
  });
}

function logout() {
  chooseTenant(null);
  state.keycloak?.logout({ redirectUri: `${location.origin}/` });
}

let meRequest = 0;

async function loadMe() {
  const request = ++meRequest;
  state.meLoad = { status: 'loading', value: null, error: null };
  renderAll();
  let me;
  try {
    me = await api('/api/me');
  } catch (error) {
    if (request !== meRequest || handleExpiredSession(error)) return;
    // A remembered tenant the user no longer belongs to must not lock them out: forget it and ask again.
    if (error.status >= 400 && error.status < 500 && chosenTenant()) {
      chooseTenant(null);
      return loadMe();
    }
    state.meLoad = { status: 'error', value: null, error };
    renderAll();
    return;
  }
  if (request !== meRequest) return;
  if (!me.activeTenant && chosenTenant()) chooseTenant(null);
  state.me = me;
  state.meLoad = { status: 'ready', value: null, error: null };
  resetTenantData();
  applyBranding(me.activeTenant?.branding?.primaryColor);
  renderAll();
}

// ---------------------------------------------------------------------------------------------------------
// Branding

function applyBranding(colour) {
  const root = document.documentElement.style;
  if (!colour || !HEX_COLOUR.test(colour)) {
    root.removeProperty('--ipop-primary');
    root.removeProperty('--ipop-on-primary');
    return;
  }
  root.setProperty('--ipop-primary', colour);
  root.setProperty('--ipop-on-primary', relativeLuminance(colour) > 0.45 ? '#212529' : '#ffffff');
}

function relativeLuminance(hex) {
  const digits = hex.length === 4 ? [...hex.slice(1)].map((d) => d + d) : hex.slice(1).match(/../g);
  const [r, g, b] = digits.map((d) => {
    const c = parseInt(d, 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

// ---------------------------------------------------------------------------------------------------------
// Page frame

function renderAll() {
  const landing = document.getElementById('landing');
  const saved = captureInputs(landing);
  document.documentElement.lang = getLang();
  for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  renderHeader();
  renderAlert();
  renderLanding();
  restoreInputs(landing, saved);
}

function renderHeader() {
  const controls = [];
  const me = state.authenticated ? state.me : null;
  if (me) {
    const active = me.activeTenant;
    controls.push(h('div', { class: 'ipop-session text-end small', role: 'group', 'aria-label': t('header.session') },
      h('div', {},
        h('span', { class: 'visually-hidden', text: labelText('header.user') }),
        h('span', { id: 'user-name', class: 'fw-semibold', text: me.name || me.username })),
      h('div', {},
        h('span', { class: 'visually-hidden', text: labelText('header.roles') }),
        h('span', { id: 'user-roles', text: list((me.roles ?? []).map(roleLabel)) }),
        active && h('span', { 'aria-hidden': 'true', text: ' · ' }),
        active && h('span', { class: 'visually-hidden', text: labelText('header.tenant') }),
        active && h('span', { id: 'tenant-name', text: localName(active.names, active.id) }))));
    if ((me.tenants ?? []).length > 1) controls.push(tenantPicker(me));
  }
  controls.push(h('button', {
    id: 'lang-switch', type: 'button', class: 'btn btn-sm btn-ipop-header', lang: otherLang(),
    title: t('lang.switchTitle'), text: t('lang.switchTo'), onclick: switchLanguage,
  }));
  // Until Keycloak is initialised neither button would work, so neither is shown.
  if (state.ready && state.authenticated) {
    controls.push(h('button', {
      id: 'logout-button', type: 'button', class: 'btn btn-sm btn-ipop-header', text: t('auth.logout'), onclick: logout,
    }));
  } else if (state.ready) {
    controls.push(h('button', {
      id: 'login-button', type: 'button', class: 'btn btn-sm btn-light', text: t('auth.login'),
      disabled: !state.keycloak, onclick: login,
    }));
  }
  document.getElementById('header-controls').replaceChildren(...controls);
}

function tenantPicker(me) {
  const activeId = me.activeTenant?.id ?? '';
  return h('div', { class: 'd-flex align-items-center gap-2' },
    h('label', { for: 'tenant-picker', class: 'visually-hidden', text: t('picker.label') }),
    h('select', {
      id: 'tenant-picker', class: 'form-select form-select-sm', title: t('picker.label'),
      onchange: (event) => { chooseTenant(event.target.value); loadMe(); },
    },
    !activeId && h('option', { value: '', disabled: true, selected: true, text: t('picker.placeholder') }),
    me.tenants.map((tenant) => h('option', {
      value: tenant.id, selected: tenant.id === activeId, text: localName(tenant.names, tenant.id),
    }))));
}

function switchLanguage() {
  setLang(otherLang());
  renderAll();
  document.getElementById('lang-switch').focus();  // the header was rebuilt; keep keyboard users in place
}

function renderAlert() {
  const alert = state.alert;
  document.getElementById('alerts').replaceChildren(...(alert ? [h('div', {
    class: `alert alert-${alert.kind} d-flex align-items-start gap-3`, role: 'alert',
  },
  h('div', { class: 'flex-grow-1' },
    h('strong', { text: t(alert.key) }),
    alert.detail && h('div', { text: alert.detail })),
  h('button', {
    type: 'button', class: 'btn-close', 'aria-label': t('action.dismiss'),
    onclick: () => { state.alert = null; renderAlert(); },
  }))] : []));
}

function landingRole() {
  if (!state.authenticated) return 'public';
  const roles = state.me?.roles ?? [];
  return ROLE_ORDER.find((role) => roles.includes(role)) ?? 'none';
}

function renderLanding() {
  const landing = document.getElementById('landing');
  sections.clear();
  const ready = state.ready && (!state.authenticated || state.meLoad.status === 'ready');
  landing.setAttribute('aria-busy', String(!ready && state.meLoad.status !== 'error'));
  if (!ready) {
    // data-role only appears once the page knows what to show, so tests and users never see a half-state.
    landing.removeAttribute('data-role');
    landing.replaceChildren(state.meLoad.status === 'error'
      ? problemAlert(state.meLoad.error, { heading: t('error.me'), retry: loadMe })
      : loadingView());
    return;
  }
  const role = landingRole();
  landing.dataset.role = role;
  landing.replaceChildren(...nodes(LANDINGS[role]()));
  for (const [name, loader] of Object.entries(loaders)) {
    if (sections.has(name) && state[name].status === 'idle') loader();
  }
  library.onRendered();
}

// ---------------------------------------------------------------------------------------------------------
// Shared views

function loadingView() {
  return h('div', { class: 'd-flex align-items-center gap-2 text-secondary py-3', role: 'status' },
    h('span', { class: 'spinner-border spinner-border-sm', 'aria-hidden': 'true' }),
    h('span', { text: t('state.loading') }));
}

function emptyView() {
  return h('p', { class: 'text-secondary fst-italic py-2 mb-0', text: t('state.empty') });
}

/** A problem as a Bootstrap alert: title, detail and any field errors that no form field could show. */
function problemAlert(error, { heading, retry, unplacedErrors = error?.errors ?? [], fieldHint = false } = {}) {
  const title = error?.title || t('error.status.other');
  return h('div', { class: 'alert alert-danger', role: 'alert', tabindex: '-1' },
    heading && h('div', { class: 'fw-semibold', text: heading }),
    h('div', { class: heading ? '' : 'fw-semibold', text: title }),
    error?.detail && h('div', { text: error.detail }),
    fieldHint && h('div', { text: t('error.fixFields') }),
    unplacedErrors.length > 0 && h('ul', { class: 'mb-0 mt-2' }, unplacedErrors.map((e) => h('li', {},
      e.field && h('code', { class: 'me-1', text: e.field }), e.reason))),
    retry && h('button', { type: 'button', class: 'btn btn-sm btn-outline-danger mt-2', text: t('action.retry'), onclick: retry }));
}

function resourceView(name, renderValue) {
  const r = state[name];
  if (r.status === 'idle' || r.status === 'loading') return loadingView();
  if (r.status === 'error') return problemAlert(r.error, { retry: loaders[name] });
  if (!r.value || (Array.isArray(r.value) && r.value.length === 0)) return emptyView();
  return renderValue(r.value);
}

function card(title, ...body) {
  return h('section', { class: 'card shadow-sm mb-4' },
    h('div', { class: 'card-body' }, h('h2', { class: 'h5 card-title mb-3', text: title }), body));
}

function swatch(colour) {
  return h('span', { class: 'ipop-swatch', 'aria-hidden': 'true', style: `background-color: ${colour}` });
}

function regionText(tenant) {
  if (!tenant.regionName && !tenant.regionCode) return '';
  return tenant.regionName ? `${tenant.regionName}${tenant.regionCode ? ` (${tenant.regionCode})` : ''}` : tenant.regionCode;
}

function networkCards(tenants) {
  return h('ul', { class: 'row row-cols-1 row-cols-md-2 row-cols-xl-3 g-3 list-unstyled mb-0' },
    tenants.map((tenant) => h('li', { class: 'col' },
      h('article', { class: 'card h-100 ipop-centre-card' },
        h('div', { class: 'card-body' },
          h('h3', { class: 'h6 card-title', text: localName(tenant.names, tenant.id) }),
          h('p', { class: 'mb-1' }, h('span', { class: 'badge text-bg-light border', text: kindLabel(tenant.kind) })),
          regionText(tenant) && h('p', { class: 'card-text small text-secondary mb-0' },
            h('span', { class: 'visually-hidden', text: labelText('network.region') }), regionText(tenant)))))));
}

function contactView(contact) {
  if (!contact || (!contact.name && !contact.email && !contact.phone)) return t('profile.notSet');
  return h('div', {},
    contact.name && h('div', { text: contact.name }),
    contact.email && h('div', {}, h('a', { href: `mailto:${contact.email}`, text: contact.email })),
    contact.phone && h('div', {}, h('a', { href: `tel:${contact.phone.replace(/[^\d+]/g, '')}`, text: contact.phone })));
}

function profileView(tenant, { summary = false } = {}) {
  const rows = [
    ['profile.id', h('code', { text: tenant.id })],
    ['profile.kind', kindLabel(tenant.kind)],
    ['profile.region', regionText(tenant) || t('profile.notSet')],
    ['profile.focusIndustries', (tenant.focusIndustries ?? []).length === 0 ? t('state.empty')
      : h('ul', { class: 'list-unstyled mb-0' }, tenant.focusIndustries.map((industry) => h('li', {},
        h('span', { class: 'badge text-bg-secondary me-2', text: industry.code }), industry.name ?? '')))],
  ];
  if (!summary) {
    rows.push(['profile.enabledModules', (tenant.enabledModules ?? []).length === 0 ? t('state.empty')
      : h('ul', { class: 'list-inline mb-0' }, tenant.enabledModules.map((code) => h('li', { class: 'list-inline-item' },
        h('span', { class: 'badge ipop-badge-primary', text: moduleLabel(code) }))))]);
  }
  rows.push(['profile.contact', contactView(tenant.contact)]);
  if (!summary) {
    const colour = tenant.branding?.primaryColor;
    rows.push(['profile.branding', colour && HEX_COLOUR.test(colour)
      ? h('span', {}, swatch(colour), ' ', h('code', { text: colour })) : t('profile.notSet')]);
  }
  return h('dl', { class: 'row mb-0' }, rows.map(([label, value]) => [
    h('dt', { class: 'col-sm-3 text-secondary fw-normal', text: t(label) }),
    h('dd', { class: 'col-sm-9' }, value),
  ]));
}

function auditView() {
  return card(t('audit.title'), section('audit', () => resourceView('audit', (entries) =>
    h('div', { class: 'table-responsive' },
      h('table', { class: 'table table-sm table-striped align-middle mb-0' },
        h('thead', {}, h('tr', {}, ['audit.at', 'audit.actor', 'audit.action', 'audit.subject', 'audit.detail']
          .map((key) => h('th', { scope: 'col', text: t(key) })))),
        h('tbody', {}, entries.map((entry) => h('tr', {},
          h('td', { class: 'text-nowrap' }, h('time', { datetime: entry.at, text: formatTime(entry.at) })),
          h('td', { text: entry.actor ?? '' }),
          h('td', { title: entry.action, text: has(`audit.action.${entry.action}`) ? t(`audit.action.${entry.action}`) : (entry.action ?? '') }),
          h('td', { text: entry.subject ?? '' }),
          h('td', { text: entry.detail ?? '' })))))))));
}

/** For roles that work inside one tenant: the landing, or what to do when no tenant is active. */
function withTenant(render) {
  return () => {
    const tenant = state.me.activeTenant;
    if (tenant) return render(tenant);
    const several = (state.me.tenants ?? []).length > 1;
    return h('div', { class: 'alert alert-info' },
      h('h1', { class: 'h5', text: t(several ? 'picker.prompt.title' : 'tenant.none.title') }),
      h('p', { class: 'mb-0', text: t(several ? 'picker.prompt.text' : 'tenant.none.text') }));
  };
}

function tenantHeading(tenant, roleKey) {
  return h('div', { class: 'mb-4' },
    h('h1', { class: 'h3 mb-1', text: localName(tenant.names, tenant.id) }),
    h('p', { class: 'text-secondary mb-0', text: list([kindLabel(tenant.kind), roleLabel(roleKey)]) }));
}

// ---------------------------------------------------------------------------------------------------------
// Forms

/** Field paths from the server may look like "contact.email", "/contact/email" or "file.json: focusIndustries[1]". */
function normaliseField(field) {
  return String(field ?? '')
    .replace(/^.*:\s*/, '')
    .replace(/^[/$.]+/, '')
    .replace(/\//g, '.')
    .replace(/\[\d+\]/g, '')
    .replace(/(\.\d+)+$/, '')
    .replace(/\.\d+\./g, '.');
}

/** Splits a problem's errors into those a form can show next to a field and those it cannot place. */
function placeErrors(problem, fieldNames) {
  const byField = new Map();
  const unplaced = [];
  for (const error of problem?.errors ?? []) {
    const field = normaliseField(error.field);
    const target = fieldNames.find((name) => name === field)
      ?? fieldNames.find((name) => field.startsWith(`${name}.`));
    if (target) byField.set(target, [...(byField.get(target) ?? []), error]);
    else unplaced.push(error);
  }
  return { byField, unplaced };
}

function feedbackText(errors, showValue) {
  return errors.map((e) => (showValue && e.value ? e.reason + t('field.submittedValue', { value: e.value }) : e.reason))
    .join(t('list.separator'));
}

/** A labelled text-like input bound to a JSON field path, with its server-side error if there is one. */
function inputField(form, field, { type = 'text', value = '', help, multiValue = false, col = 'col-md-6', extra } = {}) {
  const id = `${form.id}-${field.replace(/\./g, '-')}`;
  const errors = form.errors.get(field);
  const described = [help && `${id}-help`, errors && `${id}-feedback`].filter(Boolean).join(' ');
  const input = h('input', {
    id, type, name: field, value: value ?? '', 'data-field': field,
    class: `form-control${errors ? ' is-invalid' : ''}`,
    'aria-invalid': errors ? 'true' : null, 'aria-describedby': described || null,
    autocomplete: 'off',
  });
  return h('div', { class: col },
    h('label', { for: id, class: 'form-label', text: t(`field.${field}`) }),
    extra ? h('div', { class: 'input-group has-validation' }, input, extra(input)) : input,
    errors && h('div', { id: `${id}-feedback`, class: 'invalid-feedback d-block', text: feedbackText(errors, multiValue) }),
    help && h('div', { id: `${id}-help`, class: 'form-text', text: help }));
}

function colourField(form, value) {
  return inputField(form, 'branding.primaryColor', {
    value, help: t('field.branding.primaryColor.help'),
    extra: (input) => {
      const preview = h('span', { class: 'input-group-text' }, swatch(HEX_COLOUR.test(value ?? '') ? value : 'transparent'));
      input.addEventListener('input', () => {
        preview.firstChild.style.backgroundColor = HEX_COLOUR.test(input.value.trim()) ? input.value.trim() : 'transparent';
      });
      return preview;
    },
  });
}

function submitButton(busy, label, busyLabel) {
  return h('button', { type: 'submit', class: 'btn btn-primary', disabled: busy },
    busy && h('span', { class: 'spinner-border spinner-border-sm me-2', 'aria-hidden': 'true' }),
    busy ? busyLabel : label);
}

function valueOf(formEl, field) {
  const value = formEl.querySelector(`[data-field="${field}"]`)?.value.trim() ?? '';
  return value === '' ? null : value;
}

function focusFirstProblem(sectionName) {
  const el = sections.get(sectionName)?.el;
  (el?.querySelector('.is-invalid') ?? el?.querySelector('.alert'))?.focus?.();
}

// ---------------------------------------------------------------------------------------------------------
// Landings

const LANDINGS = {
  public: () => [
    h('div', { class: 'ipop-hero p-4 p-md-5 mb-4 rounded-3 bg-body shadow-sm' },
      h('h1', { class: 'display-6 fw-semibold', text: t('public.heading') }),
      h('p', { class: 'lead', text: t('public.intro') }),
      h('p', { class: 'text-secondary', text: t('public.loginPrompt') }),
      h('button', {
        type: 'button', class: 'btn btn-primary btn-lg', text: t('auth.login'), disabled: !state.keycloak, onclick: login,
      })),
    h('h2', { class: 'h4 mb-3', text: t('network.title') }),
    section('network', () => resourceView('network', networkCards)),
    library.catalogueView(),
  ],

  citizen: () => [
    h('h1', { class: 'h3', text: t('citizen.heading') }),
    h('p', { class: 'text-secondary', text: t('citizen.intro') }),
    section('network', () => resourceView('network', networkCards)),
    library.catalogueView(),
  ],

  'platform-admin': () => [
    h('h1', { class: 'h3 mb-4', text: t('admin.heading') }),
    card(t('tenants.title'), section('tenants', () => resourceView('tenants', tenantTable))),
    card(t('create.title'), section('createTenant', createTenantView)),
  ],

  'tenant-admin': withTenant((tenant) => withLibraryTab(tenantHeading(tenant, 'tenant-admin'), () => [
    matching.operatorView(),
    card(t('profile.title'), section('profile', () => profileView(state.me.activeTenant))),
    card(t('profileForm.title'), section('profileForm', profileFormView)),
    auditView(),
  ])),

  operator: withTenant((tenant) => withLibraryTab(tenantHeading(tenant, 'operator'), () => [
    matching.operatorView(),
    card(t('profile.title'), profileView(tenant)),
    auditView(),
  ])),

  'alliance-admin': withTenant((tenant) => withLibraryTab(tenantHeading(tenant, 'alliance-admin'), () => [
    card(t('profile.title'), profileView(tenant)),
    auditView(),
  ])),

  tto: withTenant((tenant) => {
    const [heading, ...overview] = participantLanding('tto', tenant, 3);
    return withLibraryTab(heading, () => overview);
  }),
  enterprise: withTenant((tenant) => {
    const [heading, ...overview] = participantLanding('enterprise', tenant, 3);
    return [heading, matching.enterpriseView(), overview.slice(1)];
  }),
  investor: withTenant((tenant) => participantLanding('investor', tenant, 2)),

  none: () => h('div', { class: 'alert alert-info' },
    h('h1', { class: 'h5', text: t('role.none.title') }),
    h('p', { class: 'mb-0', text: t('role.none.text') })),
};

/**
 * A landing with the patent library next to it as a second tab, for the roles that work with the library. The tab
 * is chosen by the URL fragment (#/library, #/library/patents/<id>), so Back and links to a patent work.
 */
function withLibraryTab(heading, overview) {
  if (!library.available()) return [heading, overview()];
  const onLibrary = parseRoute().tab === 'library';
  const tab = (id, href, key, active) => h('li', { class: 'nav-item' }, h('a', {
    id, href, class: `nav-link${active ? ' active' : ''}`, 'aria-current': active ? 'page' : null, text: t(key),
  }));
  return [
    heading,
    h('nav', { class: 'mb-4', 'aria-label': t('tabs.label') }, h('ul', { class: 'nav nav-tabs' },
      tab('overview-tab', routes.overview, 'tabs.overview', !onLibrary),
      tab('library-tab', routes.library, 'tabs.library', onLibrary))),
    onLibrary ? library.view() : [
      h('div', { id: 'library-callout', class: 'alert alert-light border d-flex flex-wrap align-items-center gap-2' },
        h('span', { class: 'me-auto', text: t('tabs.libraryCallout') }),
        h('a', { href: routes.library, class: 'btn btn-sm btn-primary', text: t('tabs.openLibrary') })),
      overview(),
    ],
  ];
}

function participantLanding(role, tenant, taskCount) {
  const tasks = Array.from({ length: taskCount }, (_, i) => t(`landing.${role}.task${i + 1}`));
  return [
    h('h1', { class: 'h3 mb-4', text: t(`landing.${role}.heading`) }),
    h('section', { class: 'card shadow-sm mb-4' }, h('div', { class: 'card-body' },
      h('h2', { class: 'h5 card-title', text: roleLabel(role) }),
      h('p', { text: t(`landing.${role}.intro`) }),
      h('ul', {}, tasks.map((task) => h('li', { text: task }))),
      h('p', { class: 'text-secondary small mb-0', text: t('landing.comingSoon') }))),
    card(`${labelText('landing.yourCentre')}${localName(tenant.names, tenant.id)}`, profileView(tenant, { summary: true })),
  ];
}

// Platform administrator ------------------------------------------------------------------------------------

function tenantTable(tenants) {
  return h('div', { class: 'table-responsive' },
    h('table', { class: 'table table-sm table-hover align-middle mb-0' },
      h('thead', {}, h('tr', {}, ['tenants.id', 'tenants.name', 'tenants.kind', 'tenants.region', 'tenants.modules',
        'tenants.contact'].map((key) => h('th', { scope: 'col', text: t(key) })))),
      h('tbody', {}, tenants.map((tenant) => {
        const colour = tenant.branding?.primaryColor;
        return h('tr', {},
          h('td', {}, h('code', { text: tenant.id })),
          h('td', {}, colour && HEX_COLOUR.test(colour) && [swatch(colour), ' '], localName(tenant.names, tenant.id)),
          h('td', { text: kindLabel(tenant.kind) }),
          h('td', { text: regionText(tenant) }),
          h('td', { class: 'small', text: list((tenant.enabledModules ?? []).map(moduleLabel)) }),
          h('td', { class: 'small' }, contactView(tenant.contact)));
      }))));
}

const CREATE_FIELDS = ['id', 'names.zh', 'names.en', 'kind', 'regionCode', 'focusIndustries', 'enabledModules',
  'contact.name', 'contact.email', 'contact.phone', 'branding.primaryColor', 'administrator.username',
  'administrator.email', 'administrator.name'];

function createTenantView() {
  const ui = state.createTenant;
  const { byField, unplaced } = placeErrors(ui.problem, CREATE_FIELDS);
  const form = { id: 'create-tenant', errors: byField };
  const kindErrors = byField.get('kind');
  const moduleErrors = byField.get('enabledModules');
  return [
    ui.result && createdNotice(ui.result),
    ui.problem && problemAlert(ui.problem, { unplacedErrors: unplaced, fieldHint: byField.size > 0 }),
    h('p', { class: 'text-secondary', text: t('create.intro') }),
    h('form', { id: 'create-tenant-form', novalidate: true, onsubmit: submitCreateTenant },
      fieldset(t('create.basicsLegend'),
        inputField(form, 'id', { help: t('field.id.help') }),
        h('div', { class: 'col-md-6' },
          h('label', { for: 'create-tenant-kind', class: 'form-label', text: t('field.kind') }),
          h('select', {
            id: 'create-tenant-kind', name: 'kind', 'data-field': 'kind',
            class: `form-select${kindErrors ? ' is-invalid' : ''}`, 'aria-invalid': kindErrors ? 'true' : null,
            'aria-describedby': kindErrors ? 'create-tenant-kind-feedback' : null,
          }, TENANT_KINDS.map((kind) => h('option', { value: kind, text: kindLabel(kind) }))),
          kindErrors && h('div', { id: 'create-tenant-kind-feedback', class: 'invalid-feedback d-block', text: feedbackText(kindErrors) })),
        inputField(form, 'names.zh'),
        inputField(form, 'names.en'),
        inputField(form, 'regionCode', { help: t('field.regionCode.help') }),
        inputField(form, 'focusIndustries', { help: t('field.focusIndustries.help'), multiValue: true })),
      h('fieldset', {
        class: 'mb-4', 'data-field': 'enabledModules',
        'aria-describedby': moduleErrors ? 'create-tenant-modules-feedback' : null,
      },
      h('legend', { class: 'h6', text: t('create.modulesLegend') }),
      h('div', { class: 'row row-cols-1 row-cols-sm-2 row-cols-lg-3 g-1' }, MODULES.map((code) => h('div', { class: 'col' },
        h('div', { class: 'form-check' },
          h('input', {
            id: `create-tenant-module-${code}`, type: 'checkbox', class: `form-check-input${moduleErrors ? ' is-invalid' : ''}`,
            name: 'enabledModules', value: code,
          }),
          h('label', { for: `create-tenant-module-${code}`, class: 'form-check-label', text: moduleLabel(code) }))))),
      moduleErrors && h('div', { id: 'create-tenant-modules-feedback', class: 'invalid-feedback d-block', text: feedbackText(moduleErrors, true) })),
      fieldset(t('create.contactLegend'),
        inputField(form, 'contact.name', { col: 'col-md-4' }),
        inputField(form, 'contact.email', { type: 'email', col: 'col-md-4' }),
        inputField(form, 'contact.phone', { type: 'tel', col: 'col-md-4' })),
      fieldset(t('create.brandingLegend'), colourField(form, '')),
      fieldset(t('create.adminLegend'),
        inputField(form, 'administrator.username', { col: 'col-md-4' }),
        inputField(form, 'administrator.email', { type: 'email', col: 'col-md-4' }),
        inputField(form, 'administrator.name', { col: 'col-md-4' })),
      submitButton(ui.busy, t('create.submit'), t('create.submitting'))),
  ];
}

function fieldset(legend, ...fields) {
  return h('fieldset', { class: 'mb-4' },
    h('legend', { class: 'h6', text: legend }),
    h('div', { class: 'row g-3' }, fields));
}

function readTenantForm(formEl) {
  const codes = (valueOf(formEl, 'focusIndustries') ?? '').split(/[\s,，;；、]+/).filter(Boolean);
  const modules = [...formEl.querySelectorAll('input[name="enabledModules"]:checked')].map((box) => box.value);
  return {
    id: valueOf(formEl, 'id'),
    names: { zh: valueOf(formEl, 'names.zh'), en: valueOf(formEl, 'names.en') },
    kind: valueOf(formEl, 'kind'),
    regionCode: valueOf(formEl, 'regionCode'),
    focusIndustries: codes,
    enabledModules: modules,
    contact: { name: valueOf(formEl, 'contact.name'), email: valueOf(formEl, 'contact.email'), phone: valueOf(formEl, 'contact.phone') },
    branding: { primaryColor: valueOf(formEl, 'branding.primaryColor') },
    administrator: {
      username: valueOf(formEl, 'administrator.username'),
      email: valueOf(formEl, 'administrator.email'),
      name: valueOf(formEl, 'administrator.name'),
    },
  };
}

async function submitCreateTenant(event) {
  event.preventDefault();
  const ui = state.createTenant;
  if (ui.busy) return;
  const body = readTenantForm(event.currentTarget);
  // An earlier temporary password stays on screen until it is dismissed or replaced by a new one.
  Object.assign(ui, { busy: true, problem: null });
  refresh('createTenant');
  try {
    const result = await api('/api/tenants', { method: 'POST', body });
    Object.assign(ui, { busy: false, result });
    refresh('createTenant', { keepValues: false });
    sections.get('createTenant')?.el.querySelector('.ipop-created')?.focus();
    loaders.tenants();
  } catch (error) {
    if (handleExpiredSession(error)) return;
    Object.assign(ui, { busy: false, problem: error });
    refresh('createTenant');
    focusFirstProblem('createTenant');
  }
}

function createdNotice(result) {
  const tenant = result.tenant ?? {};
  const password = result.administratorTemporaryPassword;
  const copyButton = password && navigator.clipboard && h('button', {
    type: 'button', class: 'btn btn-sm btn-outline-dark', text: t('created.copy'),
    onclick: async (event) => {
      const button = event.currentTarget;
      try {
        await navigator.clipboard.writeText(password);
        button.textContent = t('created.copied');
      } catch { /* the password stays selectable on screen */ }
    },
  });
  return h('div', { class: 'alert alert-warning ipop-created', role: 'alert', tabindex: '-1' },
    h('h3', { class: 'h6 alert-heading', text: t('created.title', { name: localName(tenant.names, tenant.id ?? '') }) }),
    tenant.administrator?.username && h('p', { class: 'mb-2', text: t('created.admin', { username: tenant.administrator.username }) }),
    password
      ? [h('p', { class: 'mb-2' },
        h('span', { class: 'me-2', text: labelText('created.passwordLabel') }),
        h('code', { class: 'fs-5 user-select-all ipop-password', text: password }),
        copyButton && [' ', copyButton]),
      h('p', { class: 'small mb-2', text: t('created.warning') })]
      : h('p', { class: 'mb-2', text: t('created.noPassword') }),
    h('button', {
      type: 'button', class: 'btn btn-sm btn-warning', text: t('created.dismiss'),
      onclick: () => { state.createTenant.result = null; refresh('createTenant'); },
    }));
}

// Tenant administrator ---------------------------------------------------------------------------------------

const PROFILE_FIELDS = ['contact.name', 'contact.email', 'contact.phone', 'branding.primaryColor'];

function profileFormView() {
  const ui = state.profileForm;
  const tenant = state.me.activeTenant;
  const { byField, unplaced } = placeErrors(ui.problem, PROFILE_FIELDS);
  const form = { id: 'profile', errors: byField };
  return [
    ui.saved && h('div', { class: 'alert alert-success', role: 'status', text: t('profileForm.saved') }),
    ui.problem && problemAlert(ui.problem, { unplacedErrors: unplaced, fieldHint: byField.size > 0 }),
    h('form', { id: 'profile-form', novalidate: true, onsubmit: submitProfile },
      fieldset(t('profileForm.contactLegend'),
        inputField(form, 'contact.name', { value: tenant.contact?.name, col: 'col-md-4' }),
        inputField(form, 'contact.email', { type: 'email', value: tenant.contact?.email, col: 'col-md-4' }),
        inputField(form, 'contact.phone', { type: 'tel', value: tenant.contact?.phone, col: 'col-md-4' })),
      fieldset(t('profileForm.brandingLegend'), colourField(form, tenant.branding?.primaryColor ?? '')),
      submitButton(ui.busy, t('profileForm.save'), t('profileForm.saving'))),
  ];
}

async function submitProfile(event) {
  event.preventDefault();
  const ui = state.profileForm;
  if (ui.busy) return;
  const formEl = event.currentTarget;
  const body = {
    contact: { name: valueOf(formEl, 'contact.name'), email: valueOf(formEl, 'contact.email'), phone: valueOf(formEl, 'contact.phone') },
    branding: { primaryColor: valueOf(formEl, 'branding.primaryColor') },
  };
  Object.assign(ui, { busy: true, problem: null, saved: false });
  refresh('profileForm');
  try {
    const updated = await api('/api/tenant/profile', { method: 'PUT', body });
    state.me.activeTenant = updated;
    applyBranding(updated?.branding?.primaryColor);
    Object.assign(ui, { busy: false, saved: true });
    refresh('profile');
    refresh('profileForm', { keepValues: false });
    loaders.audit();
  } catch (error) {
    if (handleExpiredSession(error)) return;
    Object.assign(ui, { busy: false, problem: error });
    refresh('profileForm');
    focusFirstProblem('profileForm');
  }
}

const library = createLibrary({
  h, api, section, refresh, problemAlert, loadingView, card, labelText, list, formatTime, handleExpiredSession,
  placeErrors, feedbackText, download,
  isShown: (name) => Boolean(sections.get(name)?.el.isConnected),
  tenantName: (id) => {
    const tenant = (state.network.value ?? []).find?.((candidate) => candidate.id === id);
    return tenant ? localName(tenant.names, id) : id;
  },
  roles: () => (state.authenticated ? state.me?.roles ?? [] : []),
});

const matching = createMatching({
  h, api, section, refresh, problemAlert, loadingView, card, formatTime, handleExpiredSession, placeErrors, feedbackText,
  download,
  roles: () => (state.authenticated ? state.me?.roles ?? [] : []),
  activeTenant: () => state.me?.activeTenant?.id ?? null,
  tenantName: (id) => {
    const tenant = (state.network.value ?? []).find?.((candidate) => candidate.id === id);
    return tenant ? localName(tenant.names, id) : id;
  },
});

// The library's tab and patent pages are addressed by the URL fragment.
window.addEventListener('hashchange', () => {
  if (state.ready) renderAll();
});

boot();
