// The patent resource library (专利资源库): inventory imports with live progress, search with facets, the patent
// detail (tags and why, value score, tier, screening history), the screening actions, and the public network
// catalogue. It renders with the shell's helpers, handed over by app.js through createLibrary(), so it follows the
// same conventions: h() only ever sets textContent, every visible string comes from t(), problems are shown from
// the server's problem details, and each list has its loading and empty states.

import { t, has, getLang } from './i18n.js';

const IMPORT_ROLES = ['tto', 'operator', 'tenant-admin'];
const BROWSE_ROLES = [...IMPORT_ROLES, 'alliance-admin'];
const ASSESS_ROLES = ['tto', 'operator'];
const REVIEW_ROLES = ['operator', 'tenant-admin'];

const FACETS = ['institution', 'type', 'legalStatus', 'segment', 'tier', 'status', 'region'];
const SORTS = ['relevance', 'date', 'oldest', 'value'];
const PAGE_SIZE = 20;
const MAX_WINDOW = 10_000;      // the search engine pages no further than this many hits
const FACET_PREVIEW = 8;        // values shown per facet before "show all"
const RECENT_IMPORTS = 10;
const CATALOGUE_SIZE = 12;
const FINISHED = ['COMPLETED', 'FAILED', 'REFUSED'];
const POLL_MILLIS = 1000;

const PROSPECTS = ['GOOD', 'UNCLEAR'];
const MODES = ['TRANSFER', 'LICENCE', 'OPEN_LICENCE', 'EQUITY'];
const OUTCOMES = ['ADMIT', 'FLAG_UNCLEAR', 'REJECT'];
const ASSESSABLE = ['INVENTORIED', 'SELF_ASSESSED'];

// ---------------------------------------------------------------------------------------------------------
// Routes: the library lives behind the URL fragment so that a patent can be linked to and Back works.

/** '#/library/patents/CN202223220665.2' → { tab: 'library', patent: 'CN202223220665.2' }. */
export function parseRoute(hash = location.hash) {
  const parts = hash.replace(/^#\/?/, '').split('/');
  if (parts[0] !== 'library') return { tab: 'overview', patent: null };
  if (parts[1] === 'patents' && parts[2]) {
    try {
      return { tab: 'library', patent: decodeURIComponent(parts.slice(2).join('/')) };
    } catch { /* a malformed link: show the list */ }
  }
  return { tab: 'library', patent: null };
}

export const routes = {
  overview: '#/',
  library: '#/library',
  patent: (id) => `#/library/patents/${encodeURIComponent(id)}`,
};

// ---------------------------------------------------------------------------------------------------------

const idle = () => ({ status: 'idle', value: null, error: null });

function emptyQuery() {
  return {
    q: '', sort: 'relevance', page: 0, ipc: '', filedFrom: '', filedTo: '',
    filters: Object.fromEntries(FACETS.map((facet) => [facet, []])),
  };
}

function freshState() {
  return {
    imports: idle(),
    showAllImports: false,
    upload: { busy: false, problem: null, institution: '', file: null },
    institutions: idle(),                   // the tenant's institutions (a TTO's own only)
    membership: { busy: false, problem: null, notice: null, institution: '', username: '', name: '', type: '' },
    job: null,                              // the import followed in the progress display
    jobProblem: null,
    errorReport: { busy: false, problem: null },
    query: emptyQuery(),                    // the query of the list on screen (and of the export)
    results: idle(),
    expandedFacets: new Set(),
    exporting: { busy: false, problem: null },
    detail: idle(),
    action: { busy: null, problem: null, notice: null },
    spot: { busy: false, problem: null, institution: '', percent: '10', ids: null },
    listScroll: null,
  };
}

export function createLibrary(shell) {
  const {
    h, api, section, refresh, isShown, problemAlert, loadingView, card, labelText, list, formatTime,
    handleExpiredSession, placeErrors, feedbackText, roles, tenantName, download,
  } = shell;

  let lib = freshState();
  // Public data: kept across sign-in and tenant switches.
  let catalogue = { ...idle(), q: '', page: 0 };
  // Increased whenever the user or tenant changes, so that late answers and polls of the old one are dropped.
  let generation = 0;
  let pollTimer = null;
  let shownRoute = null;   // the library route rendered last, to scroll only when it changes
  // Segment codes (SEI_2021:1.5) to branch names, learnt from results and details, for the facet labels.
  const segmentNames = new Map();

  const can = {
    browse: () => roles().some((role) => BROWSE_ROLES.includes(role)),
    import: () => roles().some((role) => IMPORT_ROLES.includes(role)),
    assess: () => roles().some((role) => ASSESS_ROLES.includes(role)),
    review: () => roles().some((role) => REVIEW_ROLES.includes(role)),
  };

  function reset() {
    generation++;
    clearTimeout(pollTimer);
    lib = freshState();
  }

  /**
   * Loads into lib[key] and re-renders section `sectionName`. The value on screen (and any other property of
   * lib[key], such as the id of a detail) stays while a reload runs. `accept` sees a value before it is shown.
   */
  async function load(key, sectionName, path, { accept, ...options } = {}) {
    const request = generation;
    const pending = { ...lib[key], status: 'loading', error: null };
    lib[key] = pending;
    refresh(sectionName);
    let outcome;
    try {
      outcome = { ...pending, status: 'ready', value: await api(path, options) };
    } catch (error) {
      if (handleExpiredSession(error)) return null;
      outcome = { ...pending, status: 'error', value: null, error };
    }
    if (request !== generation || lib[key] !== pending) return null;
    if (outcome.value && accept) accept(outcome.value);
    lib[key] = outcome;
    refresh(sectionName);
    return outcome;
  }

  // -------------------------------------------------------------------------------------------------------
  // Labels and small views

  const number = (value, digits = 0) => (value == null || Number.isNaN(Number(value)) ? ''
    : new Intl.NumberFormat(getLang(), { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(value));

  const label = (prefix, code) => (code != null && has(`${prefix}.${code}`) ? t(`${prefix}.${code}`) : (code ?? ''));

  function provinceName(code) {
    const match = /^(\d{2})(?:\d{4})?$/.exec(String(code ?? '').trim());
    return match && has(`province.${match[1]}`) ? t(`province.${match[1]}`) : (code ?? '');
  }

  function learnSegment(segment) {
    const [code, ...name] = String(segment).split(' ');
    if (name.length) segmentNames.set(code, name.join(' '));
    return { code, name: name.join(' ') };
  }

  /** "SEI_2021:1.5" (with its name if known) → "战略性新兴产业 1.5 人工智能". */
  function segmentLabel(code, name = segmentNames.get(code)) {
    const [catalog, branch] = String(code).includes(':') ? String(code).split(':', 2) : [null, code];
    return [catalog && label('library.catalog', catalog), branch, name].filter(Boolean).join(' ');
  }

  function facetLabel(facet, value) {
    switch (facet) {
      case 'type': return label('library.type', value);
      case 'status': return label('library.status', value);
      case 'segment': return segmentLabel(value);
      case 'region': return provinceName(value);
      default: return value || t('library.facet.unknown');
    }
  }

  const STATUS_STYLES = {
    INVENTORIED: 'text-bg-secondary', SELF_ASSESSED: 'text-bg-info', ADMITTED: 'text-bg-success',
    FLAGGED_UNCLEAR: 'text-bg-warning', REJECTED: 'text-bg-danger',
  };
  const JOB_STYLES = {
    QUEUED: 'text-bg-secondary', RUNNING: 'text-bg-primary', COMPLETED: 'text-bg-success', FAILED: 'text-bg-danger',
    REFUSED: 'text-bg-danger',
  };

  const statusBadge = (status) => status && h('span', {
    class: `badge ${STATUS_STYLES[status] ?? 'text-bg-light border'}`, 'data-status': status, text: label('library.status', status),
  });

  const tierBadge = (tier) => tier && h('span', {
    class: `badge ipop-tier ipop-tier-${String(tier).toLowerCase()}`, title: t('library.tier.title'), text: tier,
  });

  const publishedBadge = (published) => published && h('span', {
    class: 'badge text-bg-light border border-success text-success', text: t('library.published.badge'),
  });

  const jobBadge = (status) => h('span', { class: `badge ${JOB_STYLES[status] ?? 'text-bg-light border'}`, text: label('library.job', status) });

  function definitionList(rows, { labelCol = 'col-sm-4', valueCol = 'col-sm-8' } = {}) {
    const shown = rows.filter(([, value]) => value != null && value !== false && value !== ''
      && !(Array.isArray(value) && value.length === 0));
    return h('dl', { class: 'row mb-0 ipop-dl' }, shown.map(([key, value]) => [
      h('dt', { class: `${labelCol} text-secondary fw-normal`, text: t(key) }),
      h('dd', { class: valueCol }, Array.isArray(value) ? list(value) : value),
    ]));
  }

  function subCard(title, props, ...body) {
    return h('section', { class: 'card shadow-sm mb-4', ...props },
      h('div', { class: 'card-body' }, h('h3', { class: 'h6 card-title mb-3', text: title }), body));
  }

  function spinnerButton({ busy, text, busyText, ...props }) {
    return h('button', { type: 'button', ...props, disabled: busy || props.disabled },
      busy && h('span', { class: 'spinner-border spinner-border-sm me-2', 'aria-hidden': 'true' }),
      busy ? busyText : text);
  }

  /** Errors of a problem for one form field, shown under it; the rest go into the alert. */
  function fieldFeedback(id, errors) {
    return errors && h('div', { id: `${id}-feedback`, class: 'invalid-feedback d-block', text: feedbackText(errors) });
  }

  const invalid = (errors) => (errors ? ' is-invalid' : '');

  // -------------------------------------------------------------------------------------------------------
  // The library tab

  function view() {
    const route = parseRoute();
    return h('section', { id: 'library', class: 'ipop-library', 'aria-labelledby': 'library-heading' },
      h('h2', { id: 'library-heading', class: 'h4 mb-1', text: t('library.title') }),
      h('p', { class: 'text-secondary mb-4', text: t('library.intro') }),
      route.patent ? detailPage(route.patent) : listPage());
  }

  function listPage() {
    return [
      can.import() && h('div', { class: 'row g-4 mb-4' },
        h('div', { class: 'col-xl-6' }, uploadCard()),
        h('div', { class: 'col-xl-6' }, importsCard())),
      can.review() && spotCheckCard(),
      can.review() && institutionsCard(),
      searchCard(),
    ];
  }

  // Upload and progress ----------------------------------------------------------------------------------

  function uploadCard() {
    return h('section', { class: 'card shadow-sm h-100' }, h('div', { class: 'card-body' },
      h('h3', { class: 'h5 card-title', text: t('library.upload.title') }),
      h('p', { class: 'text-secondary small', text: t('library.upload.intro') }),
      section('libUpload', uploadForm),
      section('libProgress', progressView)));
  }

  function uploadForm() {
    const ui = lib.upload;
    const { byField, unplaced } = placeErrors(ui.problem, ['institution', 'file', 'fileName']);
    const institutionErrors = byField.get('institution');
    const mine = (lib.institutions.value ?? []).map((institution) => institution.name);
    if (!can.review() && lib.institutions.status === 'ready' && mine.length === 0) {
      return h('div', { id: 'library-upload-no-institution', class: 'alert alert-warning mb-0', role: 'status',
        text: t('library.upload.noInstitution') });
    }
    const fileErrors = [...(byField.get('file') ?? []), ...(byField.get('fileName') ?? [])];
    const fileInput = h('input', {
      id: 'library-upload-file', type: 'file', class: `form-control${invalid(fileErrors.length > 0)}`,
      accept: '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'aria-describedby': ['library-upload-file-help', fileErrors.length > 0 && 'library-upload-file-feedback'].filter(Boolean).join(' '),
      onchange: (event) => { ui.file = event.currentTarget.files?.[0] ?? null; },
    });
    // A re-render (language switch, an error) would otherwise lose the file the user chose.
    if (ui.file) {
      try {
        const transfer = new DataTransfer();
        transfer.items.add(ui.file);
        fileInput.files = transfer.files;
      } catch { /* the user chooses the file again */ }
    }
    return [
      ui.problem && problemAlert(ui.problem, { unplacedErrors: unplaced, fieldHint: byField.size > 0 }),
      h('form', { id: 'library-upload-form', class: 'row g-3', novalidate: true, onsubmit: submitUpload },
        h('div', { class: 'col-12' },
          h('label', { for: 'library-upload-institution', class: 'form-label', text: t('library.upload.institution') }),
          h('input', {
            id: 'library-upload-institution', type: 'text', class: `form-control${invalid(institutionErrors)}`, required: true,
            autocomplete: 'off', list: 'library-upload-institutions', placeholder: t('library.upload.institutionPlaceholder'),
            value: ui.institution || (!can.review() && mine.length === 1 ? mine[0] : ''),
            oninput: (event) => { ui.institution = event.currentTarget.value; },
            'aria-describedby': ['library-upload-institution-help', institutionErrors && 'library-upload-institution-feedback'].filter(Boolean).join(' '),
          }),
          h('datalist', { id: 'library-upload-institutions' }, mine.map((name) => h('option', { value: name }))),
          fieldFeedback('library-upload-institution', institutionErrors),
          h('div', { id: 'library-upload-institution-help', class: 'form-text', text: can.review()
            ? t('library.upload.institutionHelpStaff')
            : t('library.upload.institutionHelpTto', { names: mine.join('、') }) })),
        h('div', { class: 'col-12' },
          h('label', { for: 'library-upload-file', class: 'form-label', text: t('library.upload.file') }),
          fileInput,
          fieldFeedback('library-upload-file', fileErrors.length > 0 ? fileErrors : null),
          h('div', { id: 'library-upload-file-help', class: 'form-text', text: t('library.upload.fileHelp') })),
        h('div', { class: 'col-12' },
          h('button', { id: 'library-upload-submit', type: 'submit', class: 'btn btn-primary', disabled: ui.busy },
            ui.busy && h('span', { class: 'spinner-border spinner-border-sm me-2', 'aria-hidden': 'true' }),
            ui.busy ? t('library.upload.submitting') : t('library.upload.submit')))),
    ];
  }

  async function submitUpload(event) {
    event.preventDefault();
    const ui = lib.upload;
    if (ui.busy) return;
    const form = event.currentTarget;
    const institution = form.querySelector('#library-upload-institution').value.trim();
    const file = form.querySelector('#library-upload-file').files?.[0] ?? ui.file;
    const errors = [
      !institution && { field: 'institution', reason: t('library.upload.institutionRequired') },
      !file && { field: 'file', reason: t('library.upload.fileRequired') },
    ].filter(Boolean);
    if (errors.length) {
      Object.assign(ui, { problem: { title: t('library.upload.invalid'), errors }, file });
      refresh('libUpload');
      sectionEl('libUpload')?.querySelector('.is-invalid')?.focus();
      return;
    }
    Object.assign(ui, { busy: true, problem: null, file });
    refresh('libUpload');
    const request = generation;
    const params = new URLSearchParams({ institution, fileName: file.name });
    try {
      const job = await api(`/api/library/imports?${params}`, { method: 'POST', upload: file });
      if (request !== generation) return;
      Object.assign(ui, { busy: false, file: null });
      refresh('libUpload');
      follow(job);
      loadImports();
      if (can.review()) loadInstitutions();   // a new institution is registered by its first import
      document.getElementById('import-progress')?.focus();
    } catch (error) {
      if (handleExpiredSession(error) || request !== generation) return;
      Object.assign(ui, { busy: false, problem: error });
      refresh('libUpload');
      sectionEl('libUpload')?.querySelector('.alert')?.focus();
    }
  }

  function sectionEl(name) {
    return document.querySelector(`[data-section="${name}"]`);
  }

  /** Shows job in the progress display and asks for its state every second until it has finished. */
  function follow(job) {
    lib.job = job;
    lib.jobProblem = null;
    lib.errorReport = { busy: false, problem: null };
    refresh('libProgress');
    schedulePoll();
  }

  function schedulePoll() {
    clearTimeout(pollTimer);
    const job = lib.job;
    if (!job || FINISHED.includes(job.status)) return;
    const request = generation;
    pollTimer = setTimeout(async () => {
      let next;
      try {
        next = await api(`/api/library/imports/${encodeURIComponent(job.id)}`);
      } catch (error) {
        if (request !== generation || lib.job?.id !== job.id || handleExpiredSession(error)) return;
        lib.jobProblem = error;
        refresh('libProgress');
        // A passing network or server hiccup should not end the display; a 4xx (job gone, no access) does.
        if (!(error.status >= 400 && error.status < 500)) schedulePoll();
        return;
      }
      if (request !== generation || lib.job?.id !== job.id) return;
      lib.job = next;
      lib.jobProblem = null;
      refresh('libProgress');
      // The list of imports shows the same job: keep it in step.
      const listed = lib.imports.value?.findIndex?.((entry) => entry.id === next.id) ?? -1;
      if (listed >= 0) {
        lib.imports.value[listed] = next;
        refresh('libImports');
      }
      if (FINISHED.includes(next.status)) importFinished(next); else schedulePoll();
    }, POLL_MILLIS);
  }

  function importFinished(job) {
    loadImports();
    if (job.status === 'COMPLETED') {
      // New patents are searchable now: refresh the list on screen (or when it is next shown).
      if (isShown('libResults')) loadResults(); else lib.results = idle();
    }
  }

  function progressView() {
    const job = lib.job;
    if (!job) return null;
    const finished = FINISHED.includes(job.status);
    const counts = [
      ['import-rows-done', 'library.job.rowsDone', number(job.rowsDone)],
      ['import-rate', 'library.job.rate', number(job.rowsPerSecond, 1)],
      ['import-created', 'library.job.created', number(job.created)],
      ['import-updated', 'library.job.updated', number(job.updated)],
      ['import-unchanged', 'library.job.unchanged', number(job.unchanged)],
      ['import-error-rows', 'library.job.errorRows', number(job.errorRows)],
    ];
    const barClass = { COMPLETED: 'bg-success', FAILED: 'bg-danger', REFUSED: 'bg-danger' }[job.status]
      ?? 'progress-bar-striped progress-bar-animated';
    return h('div', {
      id: 'import-progress', class: 'ipop-progress border rounded-3 p-3 mt-4', tabindex: '-1',
      'data-status': job.status, 'data-job': job.id, 'aria-live': 'polite', 'aria-busy': String(!finished),
    },
    h('div', { class: 'd-flex flex-wrap align-items-center gap-2 mb-2' },
      h('h4', { class: 'h6 mb-0 me-auto text-break', text: job.fileName || t('library.job.untitled') }),
      jobBadge(job.status)),
    h('p', { class: 'small text-secondary mb-2' }, list([job.institution, job.uploadedBy && t('library.job.by', { user: job.uploadedBy })])),
    h('div', {
      class: 'progress mb-3', role: 'progressbar', 'aria-label': t('library.job.progress'),
      'aria-valuetext': label('library.job', job.status),
    }, h('div', { class: `progress-bar ${barClass}`, style: 'width: 100%' })),
    h('dl', { class: 'row row-cols-3 g-2 text-center mb-2 ipop-counts' }, counts.map(([id, key, value]) =>
      h('div', { class: 'col' },
        h('dt', { class: 'small text-secondary fw-normal', text: t(key) }),
        h('dd', { id, class: 'fs-5 fw-semibold mb-0', text: value })))),
    h('p', { class: 'small text-secondary mb-0' }, list([
      job.startedAt && t('library.job.started', { time: formatTime(job.startedAt) }),
      job.finishedAt && t('library.job.finished', { time: formatTime(job.finishedAt) }),
    ])),
    job.status === 'COMPLETED' && h('div', { class: 'alert alert-success mt-3 mb-0', role: 'status' },
      t('library.job.completedText', { created: number(job.created), updated: number(job.updated), unchanged: number(job.unchanged) }),
      job.errorRows > 0 && [' ', t('library.job.completedWithErrors', { errors: number(job.errorRows) })]),
    job.status === 'FAILED' && h('div', { class: 'alert alert-danger mt-3 mb-0', role: 'alert' },
      h('div', { class: 'fw-semibold', text: t('library.job.failedText') }),
      job.failure && h('div', { class: 'small', text: job.failure })),
    job.status === 'REFUSED' && h('div', { id: 'import-refusal', class: 'alert alert-danger mt-3 mb-0', role: 'alert' },
      h('div', { class: 'fw-semibold', text: t('library.job.refusedText') }),
      job.failure && h('div', { class: 'small', text: job.failure }),
      (job.refusal ?? []).length > 0 && h('ul', { class: 'mb-0 mt-2' }, job.refusal.map((reason) => h('li', {},
        reason.field && h('code', { class: 'me-1', text: reason.field }),
        reason.reason,
        reason.value && h('span', { class: 'text-secondary', text: t('field.submittedValue', { value: reason.value }) }))))),
    job.errorRows > 0 && h('div', { class: 'mt-3' },
      spinnerButton({
        id: 'import-error-report', class: 'btn btn-sm btn-outline-danger', busy: lib.errorReport.busy,
        text: t('library.job.errorReport', { count: number(job.errorRows) }), busyText: t('library.downloading'),
        onclick: () => download(lib.errorReport, 'libProgress', `/api/library/imports/${encodeURIComponent(job.id)}/errors`,
          `import-${job.id}-errors.csv`),
      }),
      h('div', { class: 'form-text', text: t('library.job.errorReportHelp') })),
    lib.errorReport.problem && h('div', { class: 'mt-2' }, problemAlert(lib.errorReport.problem)),
    lib.jobProblem && h('div', { class: 'mt-3' }, problemAlert(lib.jobProblem, {
      heading: t('library.job.pollFailed'), retry: () => { lib.jobProblem = null; refresh('libProgress'); schedulePoll(); },
    })));
  }

  // Institutions and their technology-transfer offices -------------------------------------------------------

  function loadInstitutions() {
    return load('institutions', 'libUpload', '/api/library/institutions').then(() => refresh('libInstitutions'));
  }

  function institutionsCard() {
    return card(t('library.institutions.title'), section('libInstitutions', institutionsView));
  }

  function institutionsView() {
    const ui = lib.membership;
    const all = lib.institutions.value ?? [];
    const { byField, unplaced } = placeErrors(ui.problem, ['name', 'type', 'username', 'institution']);
    const types = ['UNIVERSITY', 'RESEARCH_INSTITUTE', 'ENTERPRISE', 'OTHER'];
    return [
      h('p', { class: 'text-secondary small', text: t('library.institutions.intro') }),
      ui.problem && problemAlert(ui.problem, { unplacedErrors: unplaced, fieldHint: byField.size > 0 }),
      ui.notice && h('div', { class: 'alert alert-success py-2', role: 'status', text: ui.notice }),
      lib.institutions.status === 'error' ? problemAlert(lib.institutions.error)
        : all.length === 0 ? h('p', { class: 'text-secondary', text: t('library.institutions.empty') })
          : h('div', { class: 'table-responsive' }, h('table', { id: 'institutions-table', class: 'table table-sm align-middle' },
            h('thead', {}, h('tr', {},
              h('th', { scope: 'col', text: t('library.institutions.name') }),
              h('th', { scope: 'col', text: t('library.institutions.type') }),
              h('th', { scope: 'col', text: t('library.institutions.members') }))),
            h('tbody', {}, all.map((institution) => h('tr', { 'data-institution': institution.name },
              h('td', { text: institution.name }),
              h('td', { text: label('library.applicantType', institution.type) }),
              h('td', {}, institution.members.length === 0
                ? h('span', { class: 'text-secondary small', text: t('library.institutions.noMembers') })
                : institution.members.map((member) => h('span', { class: 'badge text-bg-light border me-1' }, member,
                  h('button', {
                    type: 'button', class: 'btn-close btn-close-sm ms-1', disabled: ui.busy,
                    'aria-label': t('library.institutions.remove', { user: member, name: institution.name }),
                    onclick: () => changeMembership('DELETE', institution.name, member),
                  }))))))))),
      h('form', { id: 'institution-member-form', class: 'row g-2 align-items-end mt-1', novalidate: true,
        onsubmit: (event) => {
          event.preventDefault();
          const form = event.currentTarget;
          changeMembership('PUT', form.querySelector('#member-institution').value,
            form.querySelector('#member-username').value.trim());
        } },
        h('div', { class: 'col-md-5' },
          h('label', { for: 'member-institution', class: 'form-label', text: t('library.institutions.name') }),
          h('select', { id: 'member-institution', class: 'form-select', required: true,
            onchange: (event) => { ui.institution = event.currentTarget.value; } },
            all.map((institution) => h('option', { value: institution.name, selected: institution.name === ui.institution,
              text: institution.name })))),
        h('div', { class: 'col-md-4' },
          h('label', { for: 'member-username', class: 'form-label', text: t('library.institutions.username') }),
          h('input', { id: 'member-username', type: 'text', class: `form-control${invalid(byField.get('username'))}`,
            autocomplete: 'off', placeholder: 'hubei-tto', value: ui.username,
            oninput: (event) => { ui.username = event.currentTarget.value; } }),
          fieldFeedback('member-username', byField.get('username'))),
        h('div', { class: 'col-md-3' }, h('button', { type: 'submit', class: 'btn btn-outline-primary w-100',
          disabled: ui.busy || all.length === 0, text: t('library.institutions.add') }))),
      h('form', { id: 'institution-register-form', class: 'row g-2 align-items-end mt-2', novalidate: true,
        onsubmit: registerInstitution },
        h('div', { class: 'col-md-5' },
          h('label', { for: 'institution-name', class: 'form-label', text: t('library.institutions.newName') }),
          h('input', { id: 'institution-name', type: 'text', class: `form-control${invalid(byField.get('name') ?? byField.get('institution'))}`,
            autocomplete: 'organization', value: ui.name, oninput: (event) => { ui.name = event.currentTarget.value; } }),
          fieldFeedback('institution-name', byField.get('name') ?? byField.get('institution'))),
        h('div', { class: 'col-md-4' },
          h('label', { for: 'institution-type', class: 'form-label', text: t('library.institutions.type') }),
          h('select', { id: 'institution-type', class: 'form-select', onchange: (event) => { ui.type = event.currentTarget.value; } },
            h('option', { value: '', text: t('library.institutions.typeInferred') }),
            types.map((type) => h('option', { value: type, selected: type === ui.type, text: label('library.applicantType', type) })))),
        h('div', { class: 'col-md-3' }, h('button', { type: 'submit', class: 'btn btn-outline-primary w-100',
          disabled: ui.busy, text: t('library.institutions.register') }))),
    ];
  }

  async function changeMembership(method, institution, username) {
    const ui = lib.membership;
    if (method === 'PUT' && !username) {
      Object.assign(ui, { problem: { title: t('library.institutions.invalid'),
        errors: [{ field: 'username', reason: t('library.institutions.usernameRequired') }] }, notice: null });
      refresh('libInstitutions');
      return;
    }
    Object.assign(ui, { busy: true, problem: null, notice: null, institution });
    refresh('libInstitutions');
    try {
      await api(`/api/library/institutions/${encodeURIComponent(institution)}/members/${encodeURIComponent(username)}`, { method });
      // A re-render keeps what the inputs hold: empty the one that was used.
      if (method === 'PUT') clearInput('member-username');
      Object.assign(ui, { busy: false, username: method === 'PUT' ? '' : ui.username,
        notice: t(method === 'PUT' ? 'library.institutions.added' : 'library.institutions.removed', { user: username, name: institution }) });
      loadInstitutions();
    } catch (error) {
      if (handleExpiredSession(error)) return;
      Object.assign(ui, { busy: false, problem: error });
      refresh('libInstitutions');
    }
  }

  function clearInput(id) {
    const input = document.getElementById(id);
    if (input) input.value = '';
  }

  async function registerInstitution(event) {
    event.preventDefault();
    const ui = lib.membership;
    const name = event.currentTarget.querySelector('#institution-name').value.trim();
    if (!name) {
      Object.assign(ui, { problem: { title: t('library.institutions.invalid'),
        errors: [{ field: 'name', reason: t('library.upload.institutionRequired') }] }, notice: null });
      refresh('libInstitutions');
      return;
    }
    Object.assign(ui, { busy: true, problem: null, notice: null });
    refresh('libInstitutions');
    try {
      await api('/api/library/institutions', { method: 'POST', body: { name, type: ui.type || null } });
      clearInput('institution-name');
      Object.assign(ui, { busy: false, name: '', institution: name, notice: t('library.institutions.registered', { name }) });
      loadInstitutions();
    } catch (error) {
      if (handleExpiredSession(error)) return;
      Object.assign(ui, { busy: false, problem: error });
      refresh('libInstitutions');
    }
  }

  // Recent imports -----------------------------------------------------------------------------------------

  function loadImports() {
    return load('imports', 'libImports', '/api/library/imports').then((outcome) => {
      // After a reload of the page, keep showing an import that is still running.
      const running = outcome?.value?.find?.((job) => !FINISHED.includes(job.status));
      if (running && !lib.job) follow(running);
    });
  }

  function importsCard() {
    return h('section', { class: 'card shadow-sm h-100' }, h('div', { class: 'card-body' },
      h('h3', { class: 'h5 card-title', text: t('library.imports.title') }),
      section('libImports', importsView)));
  }

  function importsView() {
    const r = lib.imports;
    if (r.status === 'error') return problemAlert(r.error, { retry: loadImports });
    if (!r.value) return loadingView();
    if (r.value.length === 0) return h('p', { class: 'text-secondary fst-italic py-2 mb-0', text: t('library.imports.empty') });
    const jobs = lib.showAllImports ? r.value : r.value.slice(0, RECENT_IMPORTS);
    return [
      h('div', { class: 'table-responsive' }, h('table', { id: 'library-imports', class: 'table table-sm align-middle mb-0' },
        h('thead', {}, h('tr', {}, ['library.imports.file', 'library.imports.status', 'library.imports.rows', 'library.imports.action']
          .map((key, i) => h('th', { scope: 'col', class: i === 0 ? null : 'text-nowrap', text: t(key) })))),
        h('tbody', {}, jobs.map((job) => h('tr', { 'data-job': job.id, class: lib.job?.id === job.id ? 'table-active' : null },
          h('td', {},
            h('div', { class: 'text-break', text: job.fileName ?? '' }),
            h('div', { class: 'small text-secondary' }, list([job.institution, job.uploadedBy,
              job.startedAt && formatTime(job.startedAt)]))),
          h('td', {}, jobBadge(job.status)),
          h('td', { class: 'small text-nowrap' },
            h('div', { text: number(job.rowsDone) }),
            job.errorRows > 0 && h('div', { class: 'text-danger', text: t('library.imports.errors', { count: number(job.errorRows) }) })),
          h('td', {}, h('button', {
            type: 'button', class: 'btn btn-sm btn-outline-secondary text-nowrap', text: t('library.imports.show'),
            'aria-label': t('library.imports.showLabel', { file: job.fileName ?? job.id }),
            onclick: () => { follow(job); refresh('libImports'); document.getElementById('import-progress')?.focus(); },
          }))))))),
      r.value.length > RECENT_IMPORTS && h('button', {
        type: 'button', class: 'btn btn-link btn-sm px-0 mt-2',
        text: lib.showAllImports ? t('library.imports.fewer') : t('library.imports.all', { count: r.value.length }),
        onclick: () => { lib.showAllImports = !lib.showAllImports; refresh('libImports'); },
      }),
    ];
  }

  // Spot checks ----------------------------------------------------------------------------------------------

  function spotCheckCard() {
    return card(t('library.spot.title'), section('libSpot', spotCheckView));
  }

  function spotCheckView() {
    const ui = lib.spot;
    const { byField, unplaced } = placeErrors(ui.problem, ['institution', 'percent']);
    const institutions = (lib.results.value?.facets?.institution ?? []).map((entry) => entry.value).filter(Boolean);
    return [
      h('p', { class: 'text-secondary small', text: t('library.spot.intro') }),
      ui.problem && problemAlert(ui.problem, { unplacedErrors: unplaced, fieldHint: byField.size > 0 }),
      h('form', { id: 'spot-check-form', class: 'row g-3 align-items-end', novalidate: true, onsubmit: submitSpotCheck },
        h('div', { class: 'col-md-6' },
          h('label', { for: 'spot-check-institution', class: 'form-label', text: t('library.spot.institution') }),
          h('input', {
            id: 'spot-check-institution', type: 'text', class: `form-control${invalid(byField.get('institution'))}`,
            list: 'spot-check-institutions', autocomplete: 'off', required: true, value: ui.institution,
            oninput: (event) => { ui.institution = event.currentTarget.value; },
          }),
          h('datalist', { id: 'spot-check-institutions' }, institutions.map((name) => h('option', { value: name }))),
          fieldFeedback('spot-check-institution', byField.get('institution'))),
        h('div', { class: 'col-6 col-md-3' },
          h('label', { for: 'spot-check-percent', class: 'form-label', text: t('library.spot.percent') }),
          h('div', { class: 'input-group' },
            h('input', {
              id: 'spot-check-percent', type: 'number', min: '1', max: '100', step: '1', value: ui.percent,
              class: `form-control${invalid(byField.get('percent'))}`,
              oninput: (event) => { ui.percent = event.currentTarget.value; },
            }),
            h('span', { class: 'input-group-text', text: '%' })),
          fieldFeedback('spot-check-percent', byField.get('percent'))),
        h('div', { class: 'col-6 col-md-3' },
          h('button', { id: 'spot-check-submit', type: 'submit', class: 'btn btn-outline-primary w-100', disabled: ui.busy },
            ui.busy && h('span', { class: 'spinner-border spinner-border-sm me-2', 'aria-hidden': 'true' }),
            ui.busy ? t('library.spot.submitting') : t('library.spot.submit')))),
      ui.ids && h('div', { id: 'spot-check-result', class: 'mt-3', tabindex: '-1' },
        h('p', { class: 'mb-2', text: t('library.spot.drawn', { count: ui.ids.length }) }),
        h('ul', { class: 'list-inline mb-0' }, ui.ids.map((id) => h('li', { class: 'list-inline-item', 'data-id': id },
          h('a', { href: routes.patent(id), class: 'btn btn-sm btn-outline-secondary mb-1', text: id }))))),
    ];
  }

  async function submitSpotCheck(event) {
    event.preventDefault();
    const ui = lib.spot;
    if (ui.busy) return;
    const form = event.currentTarget;
    const institution = form.querySelector('#spot-check-institution').value.trim();
    const percent = Number(form.querySelector('#spot-check-percent').value);
    if (!institution) {
      ui.problem = { title: t('library.spot.invalid'), errors: [{ field: 'institution', reason: t('library.spot.institutionRequired') }] };
      refresh('libSpot');
      return;
    }
    Object.assign(ui, { busy: true, problem: null });
    refresh('libSpot');
    const request = generation;
    try {
      const ids = await api('/api/library/spot-checks', { method: 'POST', body: { institution, percent } });
      if (request !== generation) return;
      Object.assign(ui, { busy: false, ids: Array.isArray(ids) ? ids : [] });
      refresh('libSpot');
      document.getElementById('spot-check-result')?.focus();
      if (isShown('libResults')) loadResults();
    } catch (error) {
      if (handleExpiredSession(error) || request !== generation) return;
      Object.assign(ui, { busy: false, problem: error });
      refresh('libSpot');
    }
  }

  // Search ------------------------------------------------------------------------------------------------

  function queryString(query, { paging = true } = {}) {
    const params = new URLSearchParams();
    if (query.q) params.set('q', query.q);
    for (const facet of FACETS) for (const value of query.filters[facet]) params.append(facet, value);
    for (const prefix of query.ipc.split(/[\s,，;；、]+/).filter(Boolean)) params.append('ipc', prefix.toUpperCase());
    if (query.filedFrom) params.set('filedFrom', query.filedFrom);
    if (query.filedTo) params.set('filedTo', query.filedTo);
    params.set('sort', query.sort);
    if (paging) {
      params.set('page', String(query.page));
      params.set('size', String(PAGE_SIZE));
    }
    return params.toString();
  }

  async function loadResults() {
    const query = structuredClone(lib.query);
    const outcome = await load('results', 'libResults', `/api/library/patents?${queryString(query)}`, {
      accept: (page) => {
        page.query = query;  // what the list on screen answers, for the export
        // Segment names are learnt first, so that the facets show them.
        (page.patents ?? []).forEach((patent) => (patent.segments ?? []).forEach(learnSegment));
      },
    });
    if (outcome?.value) refresh('libSpot');   // the institutions offered for a spot check come from the facets
  }

  function searchCard() {
    return h('section', { class: 'card shadow-sm mb-4', 'aria-labelledby': 'library-search-heading' }, h('div', { class: 'card-body' },
      h('h3', { id: 'library-search-heading', class: 'h5 card-title mb-3', text: t('library.search.title') }),
      section('libSearchForm', searchForm),
      section('libResults', resultsView)));
  }

  function searchForm() {
    const query = lib.query;
    return h('form', { id: 'library-search-form', role: 'search', class: 'mb-3', novalidate: true, onsubmit: submitSearch },
        h('div', { class: 'row g-2 align-items-end' },
          h('div', { class: 'col-12 col-lg' },
            h('label', { for: 'library-search-input', class: 'form-label', text: t('library.search.label') }),
            h('input', {
              id: 'library-search-input', type: 'search', class: 'form-control', value: query.q, autocomplete: 'off',
              placeholder: t('library.search.placeholder'),
            })),
          h('div', { class: 'col-6 col-lg-2' },
            h('label', { for: 'library-sort', class: 'form-label', text: t('library.sort.label') }),
            h('select', { id: 'library-sort', class: 'form-select', onchange: (event) => event.currentTarget.form.requestSubmit() },
              SORTS.map((sort) => h('option', { value: sort, selected: sort === query.sort, text: t(`library.sort.${sort}`) })))),
          h('div', { class: 'col-6 col-lg-auto' },
            h('button', { id: 'library-search-submit', type: 'submit', class: 'btn btn-primary w-100', text: t('library.search.submit') }))),
        h('details', { class: 'mt-2', open: query.ipc || query.filedFrom || query.filedTo ? true : null },
          h('summary', { class: 'small text-secondary', text: t('library.search.more') }),
          h('div', { class: 'row g-2 mt-1' },
            h('div', { class: 'col-md-4' },
              h('label', { for: 'library-ipc', class: 'form-label small', text: t('library.search.ipc') }),
              h('input', { id: 'library-ipc', type: 'text', class: 'form-control form-control-sm', value: query.ipc, placeholder: 'B64U, G06N', autocomplete: 'off' })),
            h('div', { class: 'col-6 col-md-4' },
              h('label', { for: 'library-filed-from', class: 'form-label small', text: t('library.search.filedFrom') }),
              h('input', { id: 'library-filed-from', type: 'date', class: 'form-control form-control-sm', value: query.filedFrom })),
            h('div', { class: 'col-6 col-md-4' },
              h('label', { for: 'library-filed-to', class: 'form-label small', text: t('library.search.filedTo') }),
              h('input', { id: 'library-filed-to', type: 'date', class: 'form-control form-control-sm', value: query.filedTo })))));
  }

  function submitSearch(event) {
    event.preventDefault();
    const form = event.currentTarget;
    const field = (id) => form.querySelector(`#${id}`).value.trim();
    Object.assign(lib.query, {
      q: field('library-search-input'), sort: field('library-sort') || 'relevance', ipc: field('library-ipc'),
      filedFrom: field('library-filed-from'), filedTo: field('library-filed-to'), page: 0,
    });
    loadResults();
  }

  function toggleFilter(facet, value) {
    const values = lib.query.filters[facet];
    lib.query.filters[facet] = values.includes(value) ? values.filter((v) => v !== value) : [...values, value];
    lib.query.page = 0;
    loadResults();
  }

  function clearSearch() {
    lib.query = emptyQuery();
    refresh('libSearchForm', { keepValues: false });
    loadResults();
  }

  function goToPage(page) {
    lib.query.page = page;
    loadResults();
    document.getElementById('library-search-heading')?.scrollIntoView({ block: 'start' });
  }

  function resultsView() {
    const r = lib.results;
    if (r.status === 'error') return problemAlert(r.error, { retry: loadResults });
    if (!r.value) return loadingView();
    const page = r.value;
    return h('div', { class: 'row g-4' },
      h('aside', { class: 'col-lg-3', 'aria-label': t('library.facets.label') }, facetsView(page.facets ?? {})),
      h('div', { class: 'col-lg-9' },
        h('div', { class: 'd-flex flex-wrap align-items-center gap-2 mb-2' },
          h('p', { id: 'library-result-count', class: 'mb-0 me-auto', role: 'status' },
            h('span', { class: 'fw-semibold', text: t('library.results.count', { total: number(page.total) }) }),
            page.tookMillis != null && h('span', { class: 'text-secondary small ms-2', text: t('library.results.took', { ms: number(page.tookMillis) }) })),
          r.status === 'loading' && h('span', { class: 'spinner-border spinner-border-sm text-secondary', role: 'status', 'aria-label': t('state.loading') }),
          spinnerButton({
            id: 'library-export', class: 'btn btn-sm btn-outline-success', busy: lib.exporting.busy, disabled: !page.total,
            text: t('library.export'), busyText: t('library.downloading'), title: t('library.exportHelp'),
            onclick: () => download(lib.exporting, 'libResults', `/api/library/patents/export?${queryString(page.query ?? lib.query, { paging: false })}`,
              t('library.exportFile', { date: new Date().toISOString().slice(0, 10) })),
          })),
        lib.exporting.problem && problemAlert(lib.exporting.problem),
        activeFiltersView(),
        (page.patents ?? []).length === 0 ? emptyResults(page.query ?? lib.query) : h('ol', {
          id: 'library-results', class: 'list-group mb-3', start: String(page.page * page.size + 1),
          'data-q': page.query?.q ?? '', 'aria-busy': String(r.status === 'loading'),
        }, page.patents.map(resultItem)),
        paginationView(page)));
  }

  function emptyResults(query) {
    const searching = query.q || FACETS.some((facet) => query.filters[facet].length > 0) || query.ipc || query.filedFrom || query.filedTo;
    return h('div', {
      id: 'library-results', class: 'ipop-empty text-center border rounded-3 p-4 mb-3', 'data-empty': 'true', 'data-q': query.q,
    },
      h('p', { class: 'fw-semibold mb-1', text: t(searching ? 'library.results.none' : 'library.results.emptyLibrary') }),
      h('p', { class: 'text-secondary small mb-2', text: t(searching ? 'library.results.noneHint' : 'library.results.emptyLibraryHint') }),
      searching && h('button', { id: 'library-clear', type: 'button', class: 'btn btn-sm btn-outline-secondary', text: t('library.results.clear'), onclick: clearSearch }));
  }

  function resultItem(patent) {
    const segments = (patent.segments ?? []).map(learnSegment);
    return h('li', { class: 'list-group-item ipop-result', 'data-id': patent.id },
      h('div', { class: 'd-flex gap-3' },
        h('div', { class: 'flex-grow-1 min-w-0' },
          h('a', {
            href: routes.patent(patent.id), class: 'ipop-result-title fw-semibold', text: patent.title || patent.id,
            onclick: () => { lib.listScroll = window.scrollY; },
          }),
          h('div', { class: 'small text-secondary mt-1' },
            h('span', { class: 'font-monospace me-2', text: patent.id }),
            list([patent.institution, label('library.type', patent.type), patent.filingDate && t('library.filedOn', { date: patent.filingDate }),
              patent.mainIpc, patent.legalStatus])),
          h('div', { class: 'd-flex flex-wrap gap-1 mt-2' },
            statusBadge(patent.status), publishedBadge(patent.published),
            segments.slice(0, 4).map((segment) => h('span', { class: 'badge ipop-segment', text: segmentLabel(segment.code, segment.name) })),
            segments.length > 4 && h('span', { class: 'badge text-bg-light border', text: t('library.moreSegments', { count: segments.length - 4 }) }))),
        h('div', { class: 'text-end flex-shrink-0 ipop-score' },
          tierBadge(patent.tier),
          h('div', { class: 'small text-secondary mt-1', text: t('library.valueScore') }),
          h('div', { class: 'fw-semibold', text: number(patent.valueScore, 1) }))));
  }

  function facetsView(facets) {
    const groups = FACETS.map((facet) => {
      const active = lib.query.filters[facet];
      const entries = [...(facets[facet] ?? [])];
      // A chosen value with no hits any more must stay visible, or it could not be switched off.
      for (const value of active) if (!entries.some((entry) => entry.value === value)) entries.push({ value, count: 0 });
      if (entries.length === 0) return null;
      const expanded = lib.expandedFacets.has(facet);
      const shown = expanded ? entries : entries.slice(0, FACET_PREVIEW);
      return h('div', { class: 'ipop-facet mb-3', 'data-facet': facet, role: 'group', 'aria-labelledby': `facet-${facet}-label` },
        h('h4', { id: `facet-${facet}-label`, class: 'h6 small text-uppercase text-secondary mb-1', text: t(`library.facet.${facet}`) }),
        h('ul', { class: 'list-unstyled mb-0' }, shown.map(({ value, count }) => {
          const on = active.includes(value);
          return h('li', {}, h('button', {
            type: 'button', class: `ipop-facet-value${on ? ' active' : ''}`, 'aria-pressed': String(on), 'data-value': value,
            onclick: () => toggleFilter(facet, value),
          },
          h('span', { class: 'ipop-facet-label', text: facetLabel(facet, value) }),
          h('span', { class: 'badge rounded-pill ipop-facet-count', text: number(count) })));
        })),
        entries.length > FACET_PREVIEW && h('button', {
          type: 'button', class: 'btn btn-link btn-sm px-0',
          text: expanded ? t('library.facets.fewer') : t('library.facets.all', { count: entries.length }),
          onclick: () => { if (expanded) lib.expandedFacets.delete(facet); else lib.expandedFacets.add(facet); refresh('libResults'); },
        }));
    }).filter(Boolean);
    return groups.length ? groups : h('p', { class: 'text-secondary small fst-italic', text: t('library.facets.none') });
  }

  function activeFiltersView() {
    const chips = FACETS.flatMap((facet) => lib.query.filters[facet].map((value) => h('li', {},
      h('button', {
        type: 'button', class: 'btn btn-sm ipop-chip', 'aria-label': t('library.filters.remove', { name: facetLabel(facet, value) }),
        onclick: () => toggleFilter(facet, value),
      }, h('span', { class: 'text-secondary me-1', text: labelText(`library.facet.${facet}`) }), facetLabel(facet, value), h('span', { 'aria-hidden': 'true', class: 'ms-1', text: '×' })))));
    if (chips.length === 0) return null;
    return h('div', { class: 'd-flex flex-wrap align-items-center gap-2 mb-3' },
      h('ul', { id: 'library-active-filters', class: 'list-unstyled d-flex flex-wrap gap-1 mb-0', 'aria-label': t('library.filters.label') }, chips),
      h('button', { type: 'button', class: 'btn btn-link btn-sm', text: t('library.results.clear'), onclick: clearSearch }));
  }

  function paginationView(page) {
    const pages = Math.ceil(Math.min(page.total, MAX_WINDOW) / page.size);
    if (pages <= 1) return null;
    const current = page.page;
    const numbers = [...new Set([0, current - 2, current - 1, current, current + 1, current + 2, pages - 1])]
      .filter((n) => n >= 0 && n < pages).sort((a, b) => a - b);
    const item = (text, target, { disabled = false, active = false, labelText: aria } = {}) => h('li', {
      class: `page-item${disabled ? ' disabled' : ''}${active ? ' active' : ''}`,
    }, h('button', {
      type: 'button', class: 'page-link', text, disabled, 'aria-label': aria, 'aria-current': active ? 'page' : null,
      onclick: () => goToPage(target),
    }));
    const items = [item(t('library.page.previous'), current - 1, { disabled: current === 0 })];
    numbers.forEach((n, i) => {
      if (i > 0 && n - numbers[i - 1] > 1) items.push(h('li', { class: 'page-item disabled' }, h('span', { class: 'page-link', text: '…' })));
      items.push(item(number(n + 1), n, { active: n === current, labelText: t('library.page.number', { page: n + 1 }) }));
    });
    items.push(item(t('library.page.next'), current + 1, { disabled: current >= pages - 1 }));
    return h('nav', { id: 'library-pagination', 'aria-label': t('library.page.label') },
      h('ul', { class: 'pagination pagination-sm flex-wrap mb-0' }, items));
  }

  // Patent detail ---------------------------------------------------------------------------------------------

  function loadDetail(id) {
    lib.action = { busy: null, problem: null, notice: null };
    lib.detail = { ...idle(), id };
    load('detail', 'libDetail', `/api/library/patents/${encodeURIComponent(id)}`, {
      accept: (patent) => (patent.tags ?? []).forEach((tag) => segmentNames.set(`${tag.catalog}:${tag.branchCode}`, tag.branchName)),
    }).then((outcome) => {
      // Screen reader and keyboard users continue at the patent they opened.
      if (outcome?.value && parseRoute().patent === id) document.getElementById('patent-title')?.focus({ preventScroll: true });
    });
  }

  function detailPage(id) {
    return [
      h('p', { class: 'mb-3' }, h('a', { id: 'patent-back', href: routes.library, class: 'link-secondary', text: t('library.detail.back') })),
      section('libDetail', () => detailView(id)),
    ];
  }

  function detailView(id) {
    const r = lib.detail;
    if (r.id !== id || r.status === 'idle') return loadingView();
    if (r.status === 'error') return problemAlert(r.error, { retry: () => loadDetail(id) });
    if (!r.value) return loadingView();
    const patent = r.value;
    const record = patent.record ?? {};
    return h('article', { id: 'patent-detail', 'data-id': patent.id, 'data-status': patent.status, 'aria-labelledby': 'patent-title' },
      h('header', { class: 'mb-4' },
        h('h3', { id: 'patent-title', class: 'h4 mb-1', tabindex: '-1', text: record.title || patent.id }),
        h('p', { class: 'text-secondary mb-2' }, h('span', { class: 'font-monospace me-2', text: patent.id }), patent.institution),
        h('div', { class: 'd-flex flex-wrap gap-1' },
          h('span', { class: 'badge text-bg-light border', text: label('library.type', record.type) }),
          statusBadge(patent.status), tierBadge(patent.tier), publishedBadge(patent.published))),
      h('div', { class: 'row g-4' },
        h('div', { class: 'col-xl-8' },
          tagsCard(patent.tags ?? []),
          valueCard(patent.value),
          bibliographyCard(patent, record),
          historyCard(patent.history ?? []),
          changesCard(patent.changes ?? [])),
        h('div', { class: 'col-xl-4' },
          tierCard(patent),
          screeningCard(patent),
          actionsCard(patent))));
  }

  function bibliographyCard(patent, record) {
    const extra = Object.entries(record.extra ?? {}).filter(([, value]) => value != null && value !== '');
    return subCard(t('library.detail.bibliography'), {},
      definitionList([
        ['library.field.applicationNumber', record.applicationNumber],
        ['library.field.publicationNumber', record.publicationNumber],
        ['library.field.grantNumber', record.grantNumber],
        ['library.field.type', label('library.type', record.type)],
        ['library.field.filingDate', record.filingDate],
        ['library.field.publicationDate', record.publicationDate],
        ['library.field.grantDate', record.grantDate],
        ['library.field.legalStatus', record.legalStatus],
        ['library.field.applicants', record.applicants],
        ['library.field.applicantType', label('library.applicantType', record.applicantType)],
        ['library.field.inventors', record.inventors],
        ['library.field.mainIpc', record.mainIpc && h('code', { text: record.mainIpc })],
        ['library.field.ipcCodes', (record.ipcCodes ?? []).length > 0 && h('span', {}, record.ipcCodes.map((code, i) => [i > 0 && ' ', h('code', { text: code })]))],
        ['library.field.province', record.provinceCode && provinceName(record.provinceCode)],
        ['library.field.activity', t('library.field.activityValue', {
          transfers: number(record.transfers ?? 0), licences: number(record.licences ?? 0), pledges: number(record.pledges ?? 0),
        })],
        ['library.field.citations', number(record.citations ?? 0)],
        ['library.field.familySize', number(record.familySize ?? 0)],
        ['library.field.governmentFunded', t(record.governmentFunded ? 'library.yes' : 'library.no')
          + (record.fundingProgramme ? t('library.field.programme', { programme: record.fundingProgramme }) : '')],
      ]),
      record.abstractText && [h('h4', { class: 'h6 mt-3', text: t('library.field.abstract') }), h('p', { class: 'ipop-prose', text: record.abstractText })],
      record.firstClaim && [h('h4', { class: 'h6 mt-3', text: t('library.field.firstClaim') }), h('p', { class: 'ipop-prose small', text: record.firstClaim })],
      extra.length > 0 && h('details', { class: 'mt-3' },
        h('summary', { class: 'small text-secondary', text: t('library.field.extraSummary', { count: extra.length }) }),
        h('dl', { class: 'row small mt-2 mb-0 ipop-dl' }, extra.map(([key, value]) => [
          h('dt', { class: 'col-sm-4 text-secondary fw-normal', text: key }),
          h('dd', { class: 'col-sm-8 text-break', text: value }),
        ]))));
  }

  function tagExplanation(tag) {
    const params = { code: tag.matchedIpc ?? '', pattern: tag.pattern ?? '', keyword: tag.keyword ?? '' };
    if (tag.keyword) return t('library.tag.why.keyword', params);
    return t(tag.strength === 'KEYWORD_CONFIRMED' ? 'library.tag.why.whole' : 'library.tag.why.ipcOnly', params);
  }

  function tagsCard(tags) {
    return subCard(t('library.detail.tags'), {},
      h('p', { class: 'small text-secondary', text: t('library.tag.intro') }),
      h('div', { id: 'patent-tags', 'data-count': String(tags.length) },
        tags.length === 0
          ? h('p', { class: 'text-secondary fst-italic mb-0', text: t('library.tag.none') })
          : h('ul', { class: 'list-unstyled mb-0' }, tags.map((tag) => {
            const confirmed = tag.strength === 'KEYWORD_CONFIRMED';
            return h('li', { class: 'ipop-tag border-start border-3 ps-3 mb-3', 'data-catalog': tag.catalog, 'data-strength': tag.strength },
              h('div', { class: 'd-flex flex-wrap align-items-center gap-2' },
                h('span', { class: 'fw-semibold', text: [tag.parentName, [tag.branchCode, tag.branchName].filter(Boolean).join(' ')].filter(Boolean).join(' › ') }),
                h('span', {
                  class: `badge ${confirmed ? 'text-bg-success' : 'text-bg-warning'}`,
                  title: t(confirmed ? 'library.tag.confirmedHelp' : 'library.tag.ipcOnlyHelp'),
                  text: t(confirmed ? 'library.tag.confirmed' : 'library.tag.ipcOnly'),
                })),
              h('div', { class: 'small text-secondary', text: tag.catalogName || label('library.catalog', tag.catalog) }),
              h('div', { class: 'small', text: tagExplanation(tag) }));
          }))));
  }

  function valueCard(value) {
    if (!value) return subCard(t('library.detail.value'), {}, h('p', { class: 'text-secondary fst-italic mb-0', text: t('library.value.none') }));
    const dimensions = ['legal', 'technical', 'economic'];
    const indicators = value.indicators ?? [];
    return subCard(t('library.detail.value'), { id: 'patent-value' },
      h('div', { class: 'row g-3 align-items-center mb-3' },
        h('div', { class: 'col-sm-3 text-center' },
          h('div', { class: 'display-6 fw-semibold', text: number(value.total, 1) }),
          h('div', { class: 'small text-secondary', text: t('library.value.outOf') }),
          value.scenario && h('div', { class: 'small text-secondary mt-1', text: t('library.value.scenario', { scenario: label('library.scenario', value.scenario) }) })),
        h('div', { class: 'col-sm-9' }, dimensions.map((dimension) => h('div', { class: 'mb-2' },
          h('div', { class: 'd-flex justify-content-between small' },
            h('span', { text: t(`library.dimension.${dimension}`) }),
            h('span', { class: 'fw-semibold', text: number(value[dimension], 1) })),
          h('div', {
            class: 'progress', role: 'progressbar', style: 'height: 0.5rem', 'aria-label': t(`library.dimension.${dimension}`),
            'aria-valuemin': '0', 'aria-valuemax': '100', 'aria-valuenow': String(value[dimension] ?? 0),
          }, h('div', { class: 'progress-bar ipop-bar', style: `width: ${Math.max(0, Math.min(100, Number(value[dimension]) || 0))}%` })))))),
      indicators.length > 0 && h('div', { class: 'table-responsive' }, h('table', { class: 'table table-sm align-middle mb-0 small', id: 'patent-indicators' },
        h('thead', {}, h('tr', {}, ['library.value.dimension', 'library.value.indicator', 'library.value.input', 'library.value.score',
          'library.value.weight', 'library.value.contribution'].map((key, i) => h('th', { scope: 'col', class: i >= 3 ? 'text-end' : null, text: t(key) })))),
        h('tbody', {}, indicators.map((indicator) => h('tr', { 'data-code': indicator.code },
          h('td', { class: 'text-nowrap', text: label('library.dimension', String(indicator.dimension ?? '').toLowerCase()) }),
          h('td', { text: getLang() === 'en' ? (indicator.nameEn || indicator.nameZh || indicator.code) : (indicator.nameZh || indicator.nameEn || indicator.code) }),
          h('td', { class: 'text-secondary', text: indicator.input ?? '' }),
          h('td', { class: 'text-end', text: number(indicator.score, 1) }),
          h('td', { class: 'text-end', text: `${number((indicator.weight ?? 0) * 100, 0)}%` }),
          h('td', { class: 'text-end', text: number(indicator.contribution, 2) })))))));
  }

  function historyCard(history) {
    const reasonText = (reason) => {
      const imported = /^imported from (.+)$/.exec(reason ?? '');
      return imported ? t('library.history.imported', { job: imported[1] }) : (reason ?? '');
    };
    return subCard(t('library.detail.history'), {},
      h('div', { id: 'patent-history', class: 'table-responsive', 'data-count': String(history.length) },
        history.length === 0 ? h('p', { class: 'text-secondary fst-italic mb-0', text: t('state.empty') })
          : h('table', { class: 'table table-sm align-middle mb-0 small' },
            h('thead', {}, h('tr', {}, ['library.history.at', 'library.history.actor', 'library.history.from', 'library.history.to',
              'library.history.reason'].map((key) => h('th', { scope: 'col', text: t(key) })))),
            h('tbody', {}, history.map((step) => h('tr', { 'data-from': step.from ?? '', 'data-to': step.to ?? '' },
              h('td', { class: 'text-nowrap' }, h('time', { datetime: step.at, text: formatTime(step.at) })),
              h('td', { text: step.actor ?? '' }),
              h('td', {}, step.from ? statusBadge(step.from) : h('span', { class: 'text-secondary', text: t('library.history.new') })),
              h('td', {}, statusBadge(step.to)),
              h('td', { text: reasonText(step.reason) })))))));
  }

  function changesCard(changes) {
    return subCard(t('library.detail.changes'), { id: 'patent-changes' },
      changes.length === 0 ? h('p', { class: 'text-secondary fst-italic mb-0', text: t('library.changes.none') })
        : h('ol', { class: 'list-unstyled mb-0' }, changes.map((change) => h('li', { class: 'mb-3' },
          h('div', { class: 'small text-secondary mb-1' },
            h('time', { datetime: change.at, text: formatTime(change.at) }), ' · ',
            list([change.by, change.job && t('library.changes.job', { job: change.job })])),
          h('div', { class: 'table-responsive' }, h('table', { class: 'table table-sm table-bordered small mb-0' },
            h('thead', {}, h('tr', {}, ['library.changes.field', 'library.changes.from', 'library.changes.to'].map((key) => h('th', { scope: 'col', text: t(key) })))),
            h('tbody', {}, (change.fields ?? []).map((field) => h('tr', {},
              h('td', { text: label('library.field', field.field) }),
              h('td', { class: 'text-break text-secondary', text: field.from ?? '' }),
              h('td', { class: 'text-break', text: field.to ?? '' }))))))))));
  }

  function tierCard(patent) {
    return subCard(t('library.detail.tier'), { id: 'patent-tier' },
      h('div', { class: 'd-flex align-items-start gap-3' },
        patent.tier ? h('span', { class: `ipop-tier-big ipop-tier-${String(patent.tier).toLowerCase()}`, text: patent.tier })
          : h('span', { class: 'text-secondary', text: t('library.tier.none') }),
        h('p', { class: 'mb-0 small', text: patent.tierReason ?? '' })));
  }

  function screeningCard(patent) {
    const assessment = patent.selfAssessment;
    const review = patent.review;
    return subCard(t('library.detail.screening'), { id: 'patent-screening' },
      definitionList([
        ['library.screening.status', statusBadge(patent.status)],
        ['library.screening.selfAssessment', assessment ? h('div', {},
          h('div', { text: label('library.prospect', assessment.prospect) }),
          assessment.intendedMode && h('div', { class: 'small', text: t('library.screening.mode', { mode: label('library.mode', assessment.intendedMode) }) }),
          assessment.notes && h('div', { class: 'small text-secondary ipop-prose', text: assessment.notes })) : t('library.screening.notAssessed')],
        ['library.screening.review', review ? h('div', {},
          h('div', { text: label('library.outcome', review.outcome) }),
          review.reason && h('div', { class: 'small text-secondary ipop-prose', text: review.reason })) : t('library.screening.notReviewed')],
        ['library.screening.spotCheck', patent.spotCheckedAt ? t('library.screening.spotChecked', { time: formatTime(patent.spotCheckedAt) }) : null],
        ['library.screening.published', h('span', { id: 'patent-published', 'data-published': String(Boolean(patent.published)),
          text: t(patent.published ? 'library.screening.isPublished' : 'library.screening.notPublished') })],
        ['library.deal.label', h('div', {},
          h('span', { id: 'patent-deal', 'data-deal': patent.deal?.status ?? 'AVAILABLE',
            class: (patent.deal?.status ?? 'AVAILABLE') === 'AVAILABLE' ? '' : 'badge text-bg-secondary',
            text: t(`library.deal.${patent.deal?.status ?? 'AVAILABLE'}`) }),
          patent.deal?.note && h('div', { class: 'small text-secondary ipop-prose', text: patent.deal.note }))],
      ], { labelCol: 'col-5', valueCol: 'col-7' }));
  }

  // Screening actions --------------------------------------------------------------------------------------------

  function actionsCard(patent) {
    const assess = can.assess();
    const review = can.review();
    if (!assess && !review) return null;
    const ui = lib.action;
    const fields = ['prospect', 'notes', 'intendedMode', 'outcome', 'reason', 'status', 'note'];
    const { byField, unplaced } = placeErrors(ui.problem, fields);
    return subCard(t('library.detail.actions'), { id: 'patent-actions' },
      ui.notice && h('div', { class: 'alert alert-success py-2', role: 'status', text: ui.notice }),
      ui.problem && problemAlert(ui.problem, { unplacedErrors: unplaced, fieldHint: byField.size > 0 }),
      assess && selfAssessmentForm(patent, byField),
      review && reviewForm(patent, byField),
      review && publicationView(patent),
      review && dealForm(patent, byField));
  }

  /** Whether the patent is still available for a deal; a transferred or licensed one is no longer matched. */
  function dealForm(patent, byField) {
    const current = patent.deal?.status ?? 'AVAILABLE';
    const busy = lib.action.busy === 'deal';
    return h('form', { id: 'deal-form', class: 'mt-4', novalidate: true, onsubmit: (event) => {
      event.preventDefault();
      const form = event.currentTarget;
      const body = { status: form.querySelector('#deal-status').value, note: form.querySelector('#deal-note').value.trim() || null };
      act('deal', `/api/library/patents/${encodeURIComponent(patent.id)}/deal`, { method: 'PUT', body }, t('library.deal.done'));
    } },
      h('h4', { class: 'h6', text: t('library.deal.title') }),
      h('p', { class: 'small text-secondary', text: t('library.deal.help') }),
      h('div', { class: 'mb-2' },
        h('label', { for: 'deal-status', class: 'form-label small', text: t('library.deal.label') }),
        h('select', { id: 'deal-status', class: `form-select form-select-sm${invalid(byField.get('status'))}` },
          ['AVAILABLE', 'TRANSFERRED', 'EXCLUSIVE_LICENCE'].map((status) => h('option', { value: status, selected: current === status, text: t(`library.deal.${status}`) }))),
        fieldFeedback('deal-status', byField.get('status'))),
      h('div', { class: 'mb-2' },
        h('label', { for: 'deal-note', class: 'form-label small', text: t('library.deal.note') }),
        h('textarea', { id: 'deal-note', class: `form-control form-control-sm${invalid(byField.get('note'))}`, rows: '2', maxlength: '500' }, patent.deal?.note ?? ''),
        fieldFeedback('deal-note', byField.get('note'))),
      h('button', { id: 'deal-submit', type: 'submit', class: 'btn btn-sm btn-outline-primary', disabled: Boolean(lib.action.busy) },
        busy && h('span', { class: 'spinner-border spinner-border-sm me-2', 'aria-hidden': 'true' }),
        busy ? t('library.saving') : t('library.deal.submit')));
  }

  function selfAssessmentForm(patent, byField) {
    const current = patent.selfAssessment ?? {};
    if (!ASSESSABLE.includes(patent.status)) {
      return h('div', { class: 'mb-4' },
        h('h4', { class: 'h6', text: t('library.assess.title') }),
        h('p', { class: 'small text-secondary mb-0', text: t('library.assess.closed') }));
    }
    const busy = lib.action.busy === 'assess';
    return h('form', { id: 'self-assessment-form', class: 'mb-4', novalidate: true, onsubmit: submitSelfAssessment },
      h('h4', { class: 'h6', text: t('library.assess.title') }),
      h('div', { class: 'mb-2' },
        h('label', { for: 'self-assessment-prospect', class: 'form-label small', text: t('library.assess.prospect') }),
        h('select', { id: 'self-assessment-prospect', class: `form-select form-select-sm${invalid(byField.get('prospect'))}` },
          PROSPECTS.map((prospect) => h('option', { value: prospect, selected: (current.prospect ?? 'GOOD') === prospect, text: t(`library.prospect.${prospect}`) }))),
        fieldFeedback('self-assessment-prospect', byField.get('prospect'))),
      h('div', { class: 'mb-2' },
        h('label', { for: 'self-assessment-mode', class: 'form-label small', text: t('library.assess.mode') }),
        h('select', { id: 'self-assessment-mode', class: `form-select form-select-sm${invalid(byField.get('intendedMode'))}` },
          h('option', { value: '', selected: !current.intendedMode, text: t('library.mode.none') }),
          MODES.map((mode) => h('option', { value: mode, selected: current.intendedMode === mode, text: t(`library.mode.${mode}`) }))),
        fieldFeedback('self-assessment-mode', byField.get('intendedMode'))),
      h('div', { class: 'mb-2' },
        h('label', { for: 'self-assessment-notes', class: 'form-label small', text: t('library.assess.notes') }),
        h('textarea', { id: 'self-assessment-notes', class: `form-control form-control-sm${invalid(byField.get('notes'))}`, rows: '3', maxlength: '2000' }, current.notes ?? ''),
        fieldFeedback('self-assessment-notes', byField.get('notes'))),
      h('button', { id: 'self-assessment-submit', type: 'submit', class: 'btn btn-sm btn-primary', disabled: Boolean(lib.action.busy) },
        busy && h('span', { class: 'spinner-border spinner-border-sm me-2', 'aria-hidden': 'true' }),
        busy ? t('library.saving') : t('library.assess.submit')));
  }

  function reviewForm(patent, byField) {
    const busy = lib.action.busy === 'review';
    const awaiting = patent.status === 'INVENTORIED' && !patent.spotCheckedAt;
    return h('form', { id: 'review-form', class: 'mb-4', novalidate: true, onsubmit: submitReview },
      h('h4', { class: 'h6', text: t('library.review.title') }),
      awaiting && h('p', { class: 'small text-secondary', text: t('library.review.awaiting') }),
      h('div', { class: 'mb-2' },
        h('label', { for: 'review-outcome', class: 'form-label small', text: t('library.review.outcome') }),
        h('select', { id: 'review-outcome', class: `form-select form-select-sm${invalid(byField.get('outcome'))}` },
          OUTCOMES.map((outcome) => h('option', { value: outcome, selected: (patent.review?.outcome ?? 'ADMIT') === outcome, text: t(`library.outcome.${outcome}`) }))),
        fieldFeedback('review-outcome', byField.get('outcome'))),
      h('div', { class: 'mb-2' },
        h('label', { for: 'review-reason', class: 'form-label small', text: t('library.review.reason') }),
        h('textarea', {
          id: 'review-reason', class: `form-control form-control-sm${invalid(byField.get('reason'))}`, rows: '3', maxlength: '2000',
          'aria-describedby': 'review-reason-help',
        }),
        fieldFeedback('review-reason', byField.get('reason')),
        h('div', { id: 'review-reason-help', class: 'form-text', text: t('library.review.reasonHelp') })),
      h('button', { id: 'review-submit', type: 'submit', class: 'btn btn-sm btn-primary', disabled: Boolean(lib.action.busy) },
        busy && h('span', { class: 'spinner-border spinner-border-sm me-2', 'aria-hidden': 'true' }),
        busy ? t('library.saving') : t('library.review.submit')));
  }

  function publicationView(patent) {
    const admitted = patent.status === 'ADMITTED';
    return h('div', { id: 'patent-publication' },
      h('h4', { class: 'h6', text: t('library.publish.title') }),
      h('p', { class: 'small text-secondary', text: t(patent.published ? 'library.publish.isPublished' : admitted ? 'library.publish.ready' : 'library.publish.notAdmitted') }),
      h('div', { class: 'd-flex flex-wrap gap-2' },
        !patent.published && spinnerButton({
          id: 'patent-publish', class: 'btn btn-sm btn-success', busy: lib.action.busy === 'publish',
          disabled: !admitted || Boolean(lib.action.busy), text: t('library.publish.submit'), busyText: t('library.saving'),
          onclick: () => act('publish', `/api/library/patents/${encodeURIComponent(patent.id)}/publication`, { method: 'POST' }, t('library.publish.done')),
        }),
        patent.published && spinnerButton({
          id: 'patent-withdraw', class: 'btn btn-sm btn-outline-danger', busy: lib.action.busy === 'withdraw',
          disabled: Boolean(lib.action.busy), text: t('library.publish.withdraw'), busyText: t('library.saving'),
          onclick: () => act('withdraw', `/api/library/patents/${encodeURIComponent(patent.id)}/publication`, { method: 'DELETE' }, t('library.publish.withdrawn')),
        })));
  }

  function submitSelfAssessment(event) {
    event.preventDefault();
    const form = event.currentTarget;
    const body = {
      prospect: form.querySelector('#self-assessment-prospect').value,
      notes: form.querySelector('#self-assessment-notes').value.trim() || null,
      intendedMode: form.querySelector('#self-assessment-mode').value || null,
    };
    act('assess', `/api/library/patents/${encodeURIComponent(lib.detail.value.id)}/self-assessment`, { method: 'PUT', body }, t('library.assess.done'));
  }

  function submitReview(event) {
    event.preventDefault();
    const form = event.currentTarget;
    const body = { outcome: form.querySelector('#review-outcome').value, reason: form.querySelector('#review-reason').value.trim() || null };
    if (body.outcome !== 'ADMIT' && !body.reason) {
      lib.action = { busy: null, notice: null, problem: { title: t('library.review.invalid'), errors: [{ field: 'reason', reason: t('library.review.reasonRequired') }] } };
      refresh('libDetail');
      document.getElementById('review-reason')?.focus();
      return;
    }
    act('review', `/api/library/patents/${encodeURIComponent(lib.detail.value.id)}/review`, { method: 'POST', body }, t('library.review.done'));
  }

  /** Runs a screening action; each answers with the updated patent, which replaces the one on screen. */
  async function act(kind, path, options, notice) {
    if (lib.action.busy || !lib.detail.value) return;
    const id = lib.detail.value.id;
    const request = generation;
    lib.action = { busy: kind, problem: null, notice: null };
    refresh('libDetail');
    try {
      const updated = await api(path, options);
      if (request !== generation || lib.detail.value?.id !== id) return;
      lib.detail = { status: 'ready', value: updated ?? lib.detail.value, error: null, id };
      lib.action = { busy: null, problem: null, notice };
      refresh('libDetail', { keepValues: false });
      lib.results = { ...lib.results, status: 'stale' };  // statuses in the list changed: reload when shown again
    } catch (error) {
      if (handleExpiredSession(error) || request !== generation) return;
      lib.action = { busy: null, problem: error, notice: null };
      refresh('libDetail');
      document.querySelector('#patent-actions .alert')?.focus();
    }
  }

  // -------------------------------------------------------------------------------------------------------
  // Network catalogue (public)

  async function loadCatalogue() {
    const pending = { ...catalogue, status: 'loading', error: null };
    catalogue = pending;
    refresh('catalogue');
    const params = new URLSearchParams({ page: String(pending.page), size: String(CATALOGUE_SIZE) });
    if (pending.q) params.set('q', pending.q);
    let next;
    try {
      next = { ...pending, status: 'ready', value: await api(`/api/network/patents?${params}`, { auth: false }) };
    } catch (error) {
      next = { ...pending, status: 'error', value: null, error };
    }
    if (catalogue !== pending) return;
    catalogue = next;
    refresh('catalogue');
  }

  function catalogueView() {
    return h('section', { id: 'catalogue', class: 'mt-5', 'aria-labelledby': 'catalogue-heading' },
      h('h2', { id: 'catalogue-heading', class: 'h4 mb-1', text: t('catalogue.title') }),
      h('p', { class: 'text-secondary', text: t('catalogue.intro') }),
      h('form', {
        id: 'catalogue-search-form', role: 'search', class: 'row g-2 mb-3', novalidate: true,
        onsubmit: (event) => {
          event.preventDefault();
          catalogue = { ...catalogue, q: event.currentTarget.querySelector('#catalogue-search-input').value.trim(), page: 0 };
          loadCatalogue();
        },
      },
      h('div', { class: 'col' },
        h('label', { for: 'catalogue-search-input', class: 'visually-hidden', text: t('catalogue.search.label') }),
        h('input', {
          id: 'catalogue-search-input', type: 'search', class: 'form-control', value: catalogue.q, autocomplete: 'off',
          placeholder: t('catalogue.search.placeholder'),
        })),
      h('div', { class: 'col-auto' }, h('button', { id: 'catalogue-search-submit', type: 'submit', class: 'btn btn-primary', text: t('library.search.submit') }))),
      section('catalogue', catalogueResults));
  }

  function catalogueResults() {
    if (catalogue.status === 'error') return problemAlert(catalogue.error, { retry: loadCatalogue });
    if (!catalogue.value) return loadingView();
    const patents = Array.isArray(catalogue.value) ? catalogue.value : [];
    if (patents.length === 0) {
      return h('div', { id: 'catalogue-results', class: 'ipop-empty text-center border rounded-3 p-4', 'data-empty': 'true' },
        h('p', { class: 'fw-semibold mb-1', text: t(catalogue.q ? 'catalogue.none' : 'catalogue.empty') }),
        h('p', { class: 'text-secondary small mb-0', text: t(catalogue.q ? 'catalogue.noneHint' : 'catalogue.emptyHint') }));
    }
    const page = catalogue.page;
    return [
      h('ul', { id: 'catalogue-results', class: 'row row-cols-1 row-cols-lg-2 g-3 list-unstyled mb-3', 'aria-busy': String(catalogue.status === 'loading') },
        patents.map((patent) => h('li', { class: 'col', 'data-id': patent.applicationNumber, 'data-tenant': patent.tenantId },
          h('article', { class: 'card h-100 ipop-catalogue-card' }, h('div', { class: 'card-body' },
            h('h3', { class: 'h6 card-title', text: patent.title || patent.applicationNumber }),
            h('p', { class: 'small text-secondary mb-2' },
              h('span', { class: 'font-monospace me-2', text: patent.applicationNumber }),
              list([patent.institution, label('library.type', patent.type), patent.legalStatus,
                patent.filingDate && t('library.filedOn', { date: patent.filingDate }), patent.mainIpc])),
            patent.abstractText && h('p', { class: 'small ipop-clamp mb-2', text: patent.abstractText }),
            h('div', { class: 'd-flex flex-wrap gap-1' }, (patent.segments ?? []).slice(0, 4).map((segment) => {
              const { code, name } = learnSegment(segment);
              return h('span', { class: 'badge ipop-segment', text: segmentLabel(code, name) });
            })),
            h('p', { class: 'small text-secondary mt-2 mb-0' }, list([
              patent.tenantId && t('catalogue.centre', { name: tenantName(patent.tenantId) }),
              patent.publishedAt && t('catalogue.publishedAt', { time: formatTime(patent.publishedAt) }),
            ]))))))),
      (page > 0 || patents.length === CATALOGUE_SIZE) && h('nav', { 'aria-label': t('library.page.label') },
        h('ul', { class: 'pagination pagination-sm mb-0' },
          h('li', { class: `page-item${page === 0 ? ' disabled' : ''}` }, h('button', {
            type: 'button', class: 'page-link', disabled: page === 0, text: t('library.page.previous'),
            onclick: () => { catalogue = { ...catalogue, page: page - 1 }; loadCatalogue(); },
          })),
          h('li', { class: 'page-item active' }, h('span', { class: 'page-link', 'aria-current': 'page', text: number(page + 1) })),
          h('li', { class: `page-item${patents.length < CATALOGUE_SIZE ? ' disabled' : ''}` }, h('button', {
            type: 'button', class: 'page-link', disabled: patents.length < CATALOGUE_SIZE, text: t('library.page.next'),
            onclick: () => { catalogue = { ...catalogue, page: page + 1 }; loadCatalogue(); },
          })))),
    ];
  }

  // -------------------------------------------------------------------------------------------------------

  /** After the landing was (re)built: starts the loads its library parts need. */
  function onRendered() {
    if (isShown('catalogue') && catalogue.status === 'idle') loadCatalogue();
    if (isShown('libImports') && lib.imports.status === 'idle') loadImports();
    if ((isShown('libUpload') || isShown('libInstitutions')) && lib.institutions.status === 'idle') loadInstitutions();
    if (isShown('libResults') && ['idle', 'stale'].includes(lib.results.status)) loadResults();
    const route = parseRoute();
    if (route.patent && isShown('libDetail') && lib.detail.id !== route.patent) loadDetail(route.patent);
    // Opening a patent shows it from the top; going back to the list returns to where the user was in it.
    const shown = isShown('libDetail') || isShown('libResults') ? (route.patent ?? '') : null;
    if (shown !== shownRoute) {
      if (route.patent && shown !== null) document.getElementById('library')?.scrollIntoView({ block: 'start' });
      else if (shown === '' && lib.listScroll != null) window.scrollTo(0, lib.listScroll);
      if (shown === '') lib.listScroll = null;
      shownRoute = shown;
    }
  }

  return { available: can.browse, view, catalogueView, onRendered, reset };
}
