// Enterprises and matching (企业库、技术需求、匹配推送): the enterprise's profile, demands and inbox of pushed patents
// with its answers; the operator's campaigns (build, run with progress, results with explanations, push, funnel)
// and the enterprise list import. Rendered with the shell's helpers (createMatching(shell)), like library.js:
// h() only sets textContent, every visible string comes from t(), problems come from the server's problem details.

import { t, addMessages } from './i18n.js';

const OPERATOR_ROLES = ['operator', 'tenant-admin'];
const SIZES = ['', 'LARGE', 'MEDIUM', 'SMALL', 'MICRO'];
const RECOGNITIONS = ['SPECIALIZED_SME', 'LITTLE_GIANT', 'HIGH_TECH', 'TECH_SME'];
const MODES = ['TRANSFER', 'LICENCE', 'OPEN_LICENCE', 'EQUITY', 'JOINT_DEVELOPMENT', 'COMMISSIONED_DEVELOPMENT'];
const POLL_MILLIS = 1000;
const IMPORT_FINISHED = ['COMPLETED', 'FAILED'];

const idle = () => ({ status: 'idle', value: null, error: null });
const splitList = (text) => (text ?? '').split(/[,，;；、\s]+/).map((v) => v.trim()).filter(Boolean);

export function createMatching(shell) {
  const { h, api, section, refresh, problemAlert, loadingView, card, formatTime, handleExpiredSession, placeErrors,
    feedbackText, roles, download } = shell;

  let m = fresh();
  let generation = 0;
  let pollTimer = null;
  let importTimer = null;

  function fresh() {
    return {
      inbox: idle(), profile: idle(), demands: idle(), campaigns: idle(), results: idle(), funnel: idle(),
      selected: null, industryHits: [],
      profileForm: { busy: false, problem: null, saved: false },
      demandForm: { busy: false, problem: null, saved: false },
      campaignForm: { busy: false, problem: null },
      action: { busy: false, problem: null },
      answering: null,
      importForm: { busy: false, problem: null },
      importJob: null, importPollProblem: null, errorReport: { busy: false, problem: null },
    };
  }

  function reset() {
    generation++;
    clearTimeout(pollTimer);
    clearTimeout(importTimer);
    m = fresh();
  }

  async function load(key, sectionName, path) {
    const request = generation;
    m[key] = { ...m[key], status: 'loading', error: null };
    refresh(sectionName);
    try {
      const value = await api(path);
      if (request !== generation) return;
      m[key] = { status: 'ready', value, error: null };
    } catch (error) {
      if (handleExpiredSession(error) || request !== generation) return;
      m[key] = { status: 'error', value: null, error };
    }
    refresh(sectionName);
  }

  /**
   * Runs a user's action: m[key] is busy while the request runs, then back to its initial state with the problem if
   * there was one (and `section` re-rendered), or handed to `done` with the answer. Answers that arrive after the
   * user or tenant changed are dropped.
   */
  async function act(key, sectionName, call, done) {
    const request = generation;
    const initial = fresh()[key];
    m[key] = { ...initial, busy: true };
    refresh(sectionName);
    try {
      const value = await call();
      if (request !== generation) return;
      m[key] = initial;
      done(value);
    } catch (error) {
      if (handleExpiredSession(error) || request !== generation) return;
      m[key] = { ...initial, problem: error };
      refresh(sectionName);
    }
  }

  const isOperator = () => roles().some((role) => OPERATOR_ROLES.includes(role));

  function view(r, sectionName, loader, render, { empty } = {}) {
    if (r.status === 'idle') { loader(); return loadingView(); }
    if (r.status === 'loading' && r.value == null) return loadingView();
    if (r.status === 'error') {
      if (empty && r.error?.status === 404) return empty();
      return problemAlert(r.error, { retry: loader });
    }
    return render(r.value);
  }

  function explanation(item) {
    return h('ul', { class: 'small mb-1 match-explanation' },
      item.segments.map((s) => h('li', { text: s })),
      item.sharedTerms.length > 0 && h('li', { text: t('match.sharedTerms', { terms: item.sharedTerms.join('、') }) }),
      item.priors.length > 0 && h('li', { class: 'text-secondary', text: t('match.priors', { priors: item.priors.join('；') }) }));
  }

  // -------------------------------------------------------------------------------------------------------
  // Enterprise: inbox

  const loadInbox = () => load('inbox', 'mInbox', '/api/inbox');

  function answer(item, response, reason) {
    act('action', 'mInbox', () => api(`/api/inbox/${encodeURIComponent(item.patentId)}/${response ? 'response' : 'read'}`, {
      method: 'POST', body: response ? { response, reason } : undefined,
    }), () => {
      m.answering = null;
      loadInbox();
    });
  }

  function inboxView() {
    return view(m.inbox, 'mInbox', loadInbox, (items) => h('div', { id: 'inbox' },
      m.action.problem && problemAlert(m.action.problem),
      items.length === 0 ? h('p', { class: 'text-secondary fst-italic mb-0', text: t('inbox.empty') })
        : h('div', { class: 'list-group' }, items.map((item) => h('div', {
          class: `list-group-item${item.readAt ? '' : ' list-group-item-warning'}`, 'data-patent': item.patentId,
          'data-response': item.response ?? '',
        },
        h('div', { class: 'd-flex flex-wrap gap-2 align-items-baseline' },
          h('strong', { class: 'me-auto', text: item.title }),
          !item.readAt && h('span', { class: 'badge text-bg-warning', text: t('inbox.unread') }),
          item.response && h('span', { class: `badge ${item.response === 'INTERESTED' ? 'text-bg-success' : 'text-bg-secondary'}`,
            text: t(`inbox.response.${item.response}`) })),
        h('div', { class: 'small text-secondary mb-1', text: t('inbox.meta', {
          id: item.patentId, institution: item.institution ?? '', score: item.score.toFixed(2), at: formatTime(item.pushedAt),
        }) }),
        item.owner && item.owner !== shell.activeTenant?.() && h('div', { class: 'small text-primary inbox-owner',
          text: t('inbox.owner', { centre: shell.tenantName?.(item.owner) ?? item.owner }) }),
        explanation(item),
        item.reason && h('div', { class: 'small', text: t('inbox.reason', { reason: item.reason }) }),
        h('div', { class: 'd-flex flex-wrap gap-2 mt-1' },
          !item.readAt && h('button', { type: 'button', class: 'btn btn-sm btn-outline-secondary inbox-read',
            disabled: m.action.busy, text: t('inbox.markRead'), onclick: () => answer(item) }),
          h('button', { type: 'button', class: 'btn btn-sm btn-outline-success inbox-interested', disabled: m.action.busy,
            text: t('inbox.interested'), onclick: () => answer(item, 'INTERESTED') }),
          m.answering === item.patentId
            ? h('form', { class: 'd-flex gap-2', onsubmit: (event) => {
              event.preventDefault();
              answer(item, 'NOT_RELEVANT', event.target.querySelector('input').value.trim());
            } },
            h('input', { class: 'form-control form-control-sm inbox-reason', required: true,
              placeholder: t('inbox.reasonPlaceholder'), 'aria-label': t('inbox.reasonPlaceholder') }),
            h('button', { type: 'submit', class: 'btn btn-sm btn-outline-danger', text: t('inbox.confirm') }))
            : h('button', { type: 'button', class: 'btn btn-sm btn-outline-danger inbox-not-relevant',
              disabled: m.action.busy, text: t('inbox.notRelevant'),
              onclick: () => { m.answering = item.patentId; refresh('mInbox'); } }))))),
    ));
  }

  // -------------------------------------------------------------------------------------------------------
  // Enterprise: profile

  const loadProfile = () => load('profile', 'mProfile', '/api/enterprises/me');
  const PROFILE_FIELDS = ['creditCode', 'name', 'regionCode', 'industryClasses', 'branches', 'size', 'recognitions',
    'products', 'description', 'keywords', 'ipcCodes', 'contactName', 'contactPhone'];

  function saveProfile(form) {
    const value = (field) => form.querySelector(`[name="${field}"]`)?.value.trim() ?? '';
    const body = {
      creditCode: value('creditCode'), name: value('name'), regionCode: value('regionCode'),
      industryClasses: splitList(value('industryClasses')), branches: splitList(value('branches')), size: value('size'),
      recognitions: RECOGNITIONS.filter((r) => form.querySelector(`[name="recognition-${r}"]`)?.checked),
      products: value('products'), description: value('description'), keywords: splitList(value('keywords')),
      ipcCodes: splitList(value('ipcCodes')), contactName: value('contactName'), contactPhone: value('contactPhone'),
    };
    act('profileForm', 'mProfile', () => api('/api/enterprises/me', { method: 'PUT', body }), (saved) => {
      m.profile = { status: 'ready', value: saved, error: null };
      m.profileForm = { ...m.profileForm, saved: true };
      refresh('mProfile', { keepValues: false });
    });
  }

  async function searchIndustries(text) {
    try {
      m.industryHits = text.trim() ? await api(`/api/enterprises/industry-classes?q=${encodeURIComponent(text.trim())}`) : [];
    } catch { m.industryHits = []; }
    refresh('mIndustryPicker', { keepValues: false });
  }

  function profileForm(view) {
    const p = view?.profile ?? {};
    const { byField, unplaced } = placeErrors(m.profileForm.problem, PROFILE_FIELDS);
    const field = (name, { value = '', type = 'text', col = 'col-md-6', help } = {}) => {
      const errors = byField.get(name);
      return h('div', { class: col },
        h('label', { class: 'form-label', for: `profile-${name}`, text: t(`enterprise.field.${name}`) }),
        h(type === 'textarea' ? 'textarea' : 'input', {
          id: `profile-${name}`, name, class: `form-control${errors ? ' is-invalid' : ''}`, value: type === 'textarea' ? null : value,
          text: type === 'textarea' ? value : null, rows: type === 'textarea' ? 2 : null, autocomplete: 'off',
        }),
        errors && h('div', { class: 'invalid-feedback d-block', text: feedbackText(errors, true) }),
        help && h('div', { class: 'form-text', text: help }));
    };
    const names = (list) => (list ?? []).map((c) => `${c.code} ${c.name ?? ''}`).join('；');
    return h('form', { id: 'enterprise-profile', class: 'row g-3', novalidate: true,
      onsubmit: (event) => { event.preventDefault(); saveProfile(event.target); } },
      !view && h('div', { class: 'col-12 alert alert-info mb-0', text: t('enterprise.notRegistered') }),
      m.profileForm.problem && h('div', { class: 'col-12' }, problemAlert(m.profileForm.problem, { unplacedErrors: unplaced, fieldHint: byField.size > 0 })),
      m.profileForm.saved && h('div', { class: 'col-12 alert alert-success mb-0', role: 'status', text: t('enterprise.saved') }),
      field('creditCode', { value: p.creditCode, help: t('enterprise.help.creditCode') }),
      field('name', { value: p.name }),
      field('regionCode', { value: p.regionCode, help: view?.regionName ? view.regionName : t('enterprise.help.regionCode') }),
      field('industryClasses', { value: (p.industryClasses ?? []).join('、'), help: names(view?.industryClasses) || t('enterprise.help.industryClasses') }),
      h('div', { class: 'col-12' },
        h('label', { class: 'form-label', for: 'industry-search', text: t('enterprise.industryPicker') }),
        h('input', { id: 'industry-search', class: 'form-control form-control-sm', placeholder: t('enterprise.industryPickerPlaceholder'),
          oninput: (event) => searchIndustries(event.target.value) }),
        section('mIndustryPicker', () => h('div', { class: 'd-flex flex-wrap gap-1 mt-1' }, m.industryHits.map((c) => h('button', {
          type: 'button', class: 'btn btn-sm btn-outline-primary', text: `${c.code} ${c.name}`,
          onclick: () => {
            const input = document.getElementById('profile-industryClasses');
            const codes = splitList(input.value);
            if (!codes.includes(c.code)) input.value = [...codes, c.code].join('、');
          },
        }))))),
      field('branches', { value: (p.branches ?? []).join('、'), help: names(view?.branches) || t('enterprise.help.branches') }),
      h('div', { class: 'col-md-6' },
        h('label', { class: 'form-label', for: 'profile-size', text: t('enterprise.field.size') }),
        h('select', { id: 'profile-size', name: 'size', class: 'form-select' }, SIZES.map((size) => h('option', {
          value: size, selected: (p.size ?? '') === size, text: size ? t(`enterprise.size.${size}`) : '—' })))),
      h('fieldset', { class: 'col-12' }, h('legend', { class: 'form-label fs-6', text: t('enterprise.field.recognitions') }),
        RECOGNITIONS.map((r) => h('div', { class: 'form-check form-check-inline' },
          h('input', { class: 'form-check-input', type: 'checkbox', id: `recognition-${r}`, name: `recognition-${r}`,
            checked: (p.recognitions ?? []).includes(r) }),
          h('label', { class: 'form-check-label', for: `recognition-${r}`, text: t(`enterprise.recognition.${r}`) })))),
      field('products', { value: p.products, type: 'textarea', col: 'col-12' }),
      field('description', { value: p.description, type: 'textarea', col: 'col-12' }),
      field('keywords', { value: (p.keywords ?? []).join('、') }),
      field('ipcCodes', { value: (p.ipcCodes ?? []).join('、'), help: t('enterprise.help.ipcCodes') }),
      field('contactName', { value: p.contactName }),
      field('contactPhone', { value: p.contactPhone }),
      h('div', { class: 'col-12' }, h('button', { type: 'submit', id: 'enterprise-profile-save', class: 'btn btn-primary',
        disabled: m.profileForm.busy, text: m.profileForm.busy ? t('state.saving') : t('enterprise.save') })));
  }

  // -------------------------------------------------------------------------------------------------------
  // Enterprise: demands

  const loadDemands = () => load('demands', 'mDemands', '/api/demands/mine');

  function postDemand(form) {
    const value = (field) => form.querySelector(`[name="${field}"]`)?.value.trim() ?? '';
    const number = (field) => (value(field) === '' ? null : Number(value(field)));
    const body = {
      title: value('title'), problem: value('problem'), segment: value('segment') || null,
      budgetMin: number('budgetMin'), budgetMax: number('budgetMax'),
      modes: MODES.filter((mode) => form.querySelector(`[name="mode-${mode}"]`)?.checked),
      deadline: value('deadline') || null,
    };
    act('demandForm', 'mDemands', () => api('/api/demands', { method: 'POST', body }), () => {
      m.demandForm = { ...m.demandForm, saved: true };
      refresh('mDemands', { keepValues: false });
      loadDemands();
    });
  }

  function demandsView() {
    const { byField, unplaced } = placeErrors(m.demandForm.problem, ['title', 'problem', 'segment', 'budgetMin', 'budgetMax', 'modes', 'deadline']);
    const field = (name, type = 'text', col = 'col-md-4') => h('div', { class: col },
      h('label', { class: 'form-label', for: `demand-${name}`, text: t(`demand.field.${name}`) }),
      h(type === 'textarea' ? 'textarea' : 'input', { id: `demand-${name}`, name, type: type === 'textarea' ? null : type,
        class: `form-control${byField.has(name) ? ' is-invalid' : ''}`, rows: type === 'textarea' ? 3 : null }),
      byField.has(name) && h('div', { class: 'invalid-feedback d-block', text: feedbackText(byField.get(name), true) }));
    return [
      h('form', { id: 'demand-form', class: 'row g-3 mb-3', novalidate: true,
        onsubmit: (event) => { event.preventDefault(); postDemand(event.target); } },
      m.demandForm.problem && h('div', { class: 'col-12' }, problemAlert(m.demandForm.problem, { unplacedErrors: unplaced })),
      m.demandForm.saved && h('div', { class: 'col-12 alert alert-success mb-0', role: 'status', text: t('demand.posted') }),
      field('title', 'text', 'col-md-8'), field('segment'), field('problem', 'textarea', 'col-12'),
      field('budgetMin', 'number'), field('budgetMax', 'number'), field('deadline', 'date'),
      h('fieldset', { class: 'col-12' }, h('legend', { class: 'form-label fs-6', text: t('demand.field.modes') }),
        MODES.map((mode) => h('div', { class: 'form-check form-check-inline' },
          h('input', { class: 'form-check-input', type: 'checkbox', id: `mode-${mode}`, name: `mode-${mode}` }),
          h('label', { class: 'form-check-label', for: `mode-${mode}`, text: t(`demand.mode.${mode}`) })))),
      h('div', { class: 'col-12' }, h('button', { type: 'submit', class: 'btn btn-primary', disabled: m.demandForm.busy,
        text: t('demand.post') }))),
      view(m.demands, 'mDemands', loadDemands, (demands) => (demands.length === 0
        ? h('p', { class: 'text-secondary fst-italic mb-0', text: t('demand.empty') })
        : h('ul', { class: 'list-group', id: 'my-demands' }, demands.map((d) => h('li', { class: 'list-group-item', 'data-id': d.id },
          h('div', { class: 'd-flex gap-2' }, h('strong', { class: 'me-auto', text: d.title }),
            h('span', { class: 'badge text-bg-light', text: t(`demand.status.${d.status}`) }),
            d.published && h('span', { class: 'badge text-bg-info', text: t('demand.published') })),
          h('div', { class: 'small', text: d.problem }),
          h('div', { class: 'small text-secondary', text: [d.segmentName, d.deadline].filter(Boolean).join(' · ') }))))),
      { empty: () => h('p', { class: 'text-secondary fst-italic mb-0', text: t('demand.needProfile') }) }),
    ];
  }

  // -------------------------------------------------------------------------------------------------------
  // Operator: campaigns

  const loadCampaigns = () => load('campaigns', 'mCampaigns', '/api/matching/campaigns').then(schedulePoll);

  function schedulePoll() {
    clearTimeout(pollTimer);
    // Also while a scheduled run is about to start, so the operator sees it start without reloading.
    const running = (m.campaigns.value ?? []).some((c) => c.status === 'RUNNING'
      || (c.status === 'SCHEDULED' && new Date(c.runAt).getTime() - Date.now() < 120_000));
    if (running) {
      const request = generation;
      pollTimer = setTimeout(() => { if (request === generation) loadCampaigns(); }, POLL_MILLIS);
    }
  }

  function campaignAction(campaign, action) {
    act('action', 'mCampaigns', () => api(`/api/matching/campaigns/${campaign.id}/${action}`, { method: 'POST' }), () => {
      if (action === 'push') showResults(campaign.id);
      loadCampaigns();
    });
  }

  function unschedule(campaign) {
    act('action', 'mCampaigns', () => api(`/api/matching/campaigns/${campaign.id}/schedule`, { method: 'DELETE' }), () => loadCampaigns());
  }

  function showResults(id) {
    m.selected = id;
    load('results', 'mResults', `/api/matching/campaigns/${id}/matches?size=500`);
    load('funnel', 'mResults', `/api/matching/campaigns/${id}/funnel`);
  }

  function createCampaign(form) {
    const value = (field) => form.querySelector(`[name="${field}"]`)?.value.trim() ?? '';
    const body = {
      name: value('name'), branches: splitList(value('branches')), regions: splitList(value('regions')),
      recognitions: RECOGNITIONS.filter((r) => form.querySelector(`[name="target-${r}"]`)?.checked),
      k: value('k') === '' ? null : Number(value('k')),
      scope: value('scope') || 'LIBRARY',
      // datetime-local is the user's wall-clock time: sent as an instant, so the server need not guess the zone.
      runAt: value('runAt') === '' ? null : (Number.isNaN(new Date(value('runAt')).getTime()) ? value('runAt')
        : new Date(value('runAt')).toISOString()),
    };
    act('campaignForm', 'mCampaigns', () => api('/api/matching/campaigns', { method: 'POST', body }), () => {
      refresh('mCampaigns', { keepValues: false });
      loadCampaigns();
    });
  }

  function campaignsView() {
    const { byField, unplaced } = placeErrors(m.campaignForm.problem, ['name', 'branches', 'regions', 'recognitions', 'k', 'scope', 'runAt']);
    const field = (name, props = {}) => h('div', { class: props.col ?? 'col-md-3' },
      h('label', { class: 'form-label', for: `campaign-${name}`, text: t(`campaign.field.${name}`) }),
      h('input', { id: `campaign-${name}`, name, class: `form-control${byField.has(name) ? ' is-invalid' : ''}`,
        type: props.type ?? 'text', placeholder: props.placeholder ?? null, value: props.value ?? null }),
      byField.has(name) && h('div', { class: 'invalid-feedback d-block', text: feedbackText(byField.get(name), true) }));
    return [
      h('form', { id: 'campaign-form', class: 'row g-3 mb-3', novalidate: true,
        onsubmit: (event) => { event.preventDefault(); createCampaign(event.target); } },
      m.campaignForm.problem && h('div', { class: 'col-12' }, problemAlert(m.campaignForm.problem, { unplacedErrors: unplaced })),
      field('name', { col: 'col-md-6' }), field('k', { type: 'number', value: '20' }),
      field('branches', { placeholder: '6.4、5.2' }), field('regions', { placeholder: '420100' }),
      h('div', { class: 'col-md-6' },
        h('label', { class: 'form-label', for: 'campaign-scope', text: t('campaign.field.scope') }),
        h('select', { id: 'campaign-scope', name: 'scope', class: `form-select${byField.has('scope') ? ' is-invalid' : ''}` },
          ['LIBRARY', 'NETWORK'].map((scope) => h('option', { value: scope, text: t(`campaign.scope.${scope}`) }))),
        byField.has('scope') && h('div', { class: 'invalid-feedback d-block', text: feedbackText(byField.get('scope'), true) })),
      field('runAt', { type: 'datetime-local', col: 'col-md-4' }),
      h('fieldset', { class: 'col-md-5' }, h('legend', { class: 'form-label fs-6', text: t('campaign.field.recognitions') }),
        RECOGNITIONS.map((r) => h('div', { class: 'form-check form-check-inline' },
          h('input', { class: 'form-check-input', type: 'checkbox', id: `target-${r}`, name: `target-${r}` }),
          h('label', { class: 'form-check-label', for: `target-${r}`, text: t(`enterprise.recognition.${r}`) })))),
      h('div', { class: 'col-md-3 d-flex align-items-end' }, h('button', { type: 'submit', id: 'campaign-create',
        class: 'btn btn-primary', disabled: m.campaignForm.busy, text: t('campaign.create') }))),
      m.action.problem && problemAlert(m.action.problem),
      view(m.campaigns, 'mCampaigns', loadCampaigns, (campaigns) => (campaigns.length === 0
        ? h('p', { class: 'text-secondary fst-italic mb-0', text: t('campaign.empty') })
        : h('div', { class: 'table-responsive' }, h('table', { class: 'table table-sm align-middle', id: 'campaigns' },
          h('thead', {}, h('tr', {}, ['name', 'status', 'progress', 'matches', 'pushed', 'actions'].map((c) => h('th', { text: t(`campaign.col.${c}`) })))),
          h('tbody', {}, campaigns.map((c) => h('tr', { 'data-campaign-id': c.id, 'data-status': c.status, 'data-name': c.name },
            h('td', {}, c.name, ' ', h('span', { class: 'badge text-bg-light border campaign-scope', text: t(`campaign.scope.${c.scope ?? 'LIBRARY'}`) }),
              c.continuous && h('span', { class: 'badge text-bg-info ms-1 campaign-continuous', title: t('campaign.continuousHelp'), text: t('campaign.continuous') })),
            h('td', {}, h('span', { class: 'badge text-bg-light', text: t(`campaign.status.${c.status}`) }),
              c.status === 'SCHEDULED' && h('div', { class: 'small text-secondary campaign-run-at', text: t('campaign.runAt', { time: formatTime(c.runAt) }) }),
              c.failure && h('div', { class: 'small text-danger', text: c.failure })),
            h('td', {}, ['DRAFT', 'SCHEDULED'].includes(c.status) ? '—' : h('div', { class: 'progress', role: 'progressbar', style: 'min-width: 6rem',
              'aria-valuenow': String(c.enterprisesDone), 'aria-valuemin': '0', 'aria-valuemax': String(c.enterprisesInScope),
              'aria-label': t('campaign.col.progress') },
            h('div', { class: 'progress-bar', style: `width: ${c.enterprisesInScope ? Math.round(100 * c.enterprisesDone / c.enterprisesInScope) : 100}%`,
              text: `${c.enterprisesDone}/${c.enterprisesInScope}` }))),
            h('td', { text: String(c.matches) }), h('td', { text: String(c.pushed) }),
            h('td', { class: 'text-nowrap' },
              ['DRAFT', 'SCHEDULED', 'READY', 'FAILED'].includes(c.status) && h('button', { type: 'button', class: 'btn btn-sm btn-outline-primary me-1 campaign-run',
                disabled: m.action.busy, text: t(c.status === 'SCHEDULED' ? 'campaign.runNow' : 'campaign.run'), onclick: () => campaignAction(c, 'run') }),
              c.status === 'SCHEDULED' && h('button', { type: 'button', class: 'btn btn-sm btn-outline-secondary me-1 campaign-unschedule',
                disabled: m.action.busy, text: t('campaign.unschedule'), onclick: () => unschedule(c) }),
              ['READY', 'PUSHED'].includes(c.status) && h('button', { type: 'button', class: 'btn btn-sm btn-outline-secondary me-1 campaign-results',
                text: t('campaign.results'), onclick: () => showResults(c.id) }),
              c.status === 'READY' && h('button', { type: 'button', class: 'btn btn-sm btn-success campaign-push',
                disabled: m.action.busy, text: t('campaign.push'), onclick: () => campaignAction(c, 'push') }))))))))),
      section('mResults', resultsView),
    ];
  }

  function resultsView() {
    if (!m.selected) return [];
    const funnel = m.funnel.value?.total;
    return h('div', { id: 'campaign-results', class: 'mt-3', 'data-campaign-id': m.selected },
      h('h3', { class: 'h6', text: t('campaign.resultsTitle') }),
      funnel && h('p', { id: 'campaign-funnel', class: 'small', text: t('campaign.funnel', funnel) }),
      view(m.results, 'mResults', () => showResults(m.selected), (matches) => (matches.length === 0
        ? h('p', { class: 'text-secondary fst-italic', text: t('campaign.noMatches') })
        : h('div', { class: 'list-group' }, matches.map((match) => h('div', { class: 'list-group-item', 'data-enterprise': match.enterpriseCode,
          'data-patent': match.patentId },
        h('div', { class: 'd-flex gap-2' },
          h('span', { class: 'badge text-bg-primary', text: `#${match.rank}` }),
          h('strong', { text: match.enterpriseName }), h('span', { text: '←' }),
          h('span', { class: 'me-auto', text: match.title }),
          h('span', { class: 'text-secondary small', text: match.score.toFixed(3) })),
        explanation(match)))))));
  }

  // -------------------------------------------------------------------------------------------------------
  // Operator: enterprise list import

  function importList(form) {
    const file = form.querySelector('input[type=file]').files[0];
    if (!file) return;
    act('importForm', 'mImport', () => api(`/api/enterprises/imports?fileName=${encodeURIComponent(file.name)}`,
      { method: 'POST', upload: file }), (job) => {
      form.reset();
      followImport(job);
    });
  }

  /** Shows the import's progress and asks for its state every second until it has finished. */
  function followImport(job) {
    m.importJob = job;
    m.importPollProblem = null;
    refresh('mImport');
    clearTimeout(importTimer);
    if (IMPORT_FINISHED.includes(job.status)) return;
    const request = generation;
    importTimer = setTimeout(async () => {
      try {
        const next = await api(`/api/enterprises/imports/${encodeURIComponent(job.id)}`);
        if (request === generation && m.importJob?.id === job.id) followImport(next);
      } catch (error) {
        if (handleExpiredSession(error) || request !== generation) return;
        m.importPollProblem = error;
        refresh('mImport');
        // A passing network or server hiccup should not end the display; a 4xx (job gone, no access) does.
        if (!(error.status >= 400 && error.status < 500)) followImport(job);
      }
    }, POLL_MILLIS);
  }

  function importProgress(job) {
    const finished = IMPORT_FINISHED.includes(job.status);
    const barClass = { COMPLETED: 'bg-success', FAILED: 'bg-danger' }[job.status] ?? 'progress-bar-striped progress-bar-animated';
    const counts = [
      ['enterprise-import-rows', 'enterprises.job.rows', job.rows],
      ['enterprise-import-rate', 'enterprises.job.rate', Math.round(job.rowsPerSecond)],
      ['enterprise-import-created', 'enterprises.job.created', job.created],
      ['enterprise-import-updated', 'enterprises.job.updated', job.updated],
      ['enterprise-import-refused', 'enterprises.job.refused', job.refusedRows],
    ];
    return h('div', {
      id: 'enterprise-import-job', class: 'border rounded-3 p-3 mt-2', 'data-status': job.status, 'data-job': job.id,
      'aria-live': 'polite', 'aria-busy': String(!finished),
    },
    h('div', { class: 'd-flex flex-wrap align-items-center gap-2 mb-2' },
      h('strong', { class: 'me-auto text-break', text: job.fileName }),
      h('span', { class: `badge ${{ COMPLETED: 'text-bg-success', FAILED: 'text-bg-danger' }[job.status] ?? 'text-bg-primary'}`,
        text: t(`enterprises.job.status.${job.status}`) })),
    h('div', { class: 'progress mb-2', role: 'progressbar', 'aria-label': t('enterprises.job.progress'),
      'aria-valuetext': t(`enterprises.job.status.${job.status}`) },
    h('div', { class: `progress-bar ${barClass}`, style: 'width: 100%' })),
    h('dl', { class: 'd-flex flex-wrap gap-4 mb-2 small' }, counts.map(([id, key, value]) => h('div', {},
      h('dt', { class: 'fw-normal text-secondary', text: t(key) }),
      h('dd', { id, class: 'fs-6 fw-semibold mb-0', text: String(value ?? 0) })))),
    h('p', { class: 'small text-secondary mb-2', text: [
      job.uploadedBy && t('enterprises.job.by', { user: job.uploadedBy }),
      job.startedAt && t('enterprises.job.started', { time: formatTime(job.startedAt) }),
      job.finishedAt && t('enterprises.job.finished', { time: formatTime(job.finishedAt) }),
    ].filter(Boolean).join(' · ') }),
    job.status === 'COMPLETED' && h('div', { id: 'enterprise-import-report', class: `alert ${job.refusedRows ? 'alert-warning' : 'alert-success'} mb-2` },
      h('div', { text: t('enterprises.report', job) })),
    job.status === 'FAILED' && h('div', { class: 'alert alert-danger mb-2', role: 'alert', text: job.failure ?? t('enterprises.job.status.FAILED') }),
    job.errors.length > 0 && h('ul', { id: 'enterprise-import-errors', class: 'small mb-2' }, job.errors.map((e) => h('li', {
      text: t('enterprises.reportRow', { row: e.row, column: e.column, value: e.value ?? '', reason: e.reason }) }))),
    job.refusedRows > job.errors.length && h('p', { class: 'small text-secondary mb-2', text: t('enterprises.job.moreErrors', { shown: job.errors.length }) }),
    job.refusedRows > 0 && h('button', {
      type: 'button', id: 'enterprise-import-error-report', class: 'btn btn-sm btn-outline-danger', disabled: m.errorReport.busy,
      text: m.errorReport.busy ? t('state.loading') : t('enterprises.job.errorReport'),
      onclick: () => download(m.errorReport, 'mImport', `/api/enterprises/imports/${encodeURIComponent(job.id)}/errors`,
        `enterprise-import-${job.id}-errors.csv`),
    }),
    m.errorReport.problem && h('div', { class: 'mt-2' }, problemAlert(m.errorReport.problem)),
    m.importPollProblem && h('div', { class: 'mt-2' }, problemAlert(m.importPollProblem)));
  }

  function importView() {
    return [
      h('form', { id: 'enterprise-import', class: 'd-flex flex-wrap gap-2 align-items-end mb-2',
        onsubmit: (event) => { event.preventDefault(); importList(event.target); } },
      h('div', {}, h('label', { class: 'form-label', for: 'enterprise-import-file', text: t('enterprises.importFile') }),
        h('input', { id: 'enterprise-import-file', type: 'file', class: 'form-control', accept: '.csv,.xlsx,text/csv' })),
      h('button', { type: 'submit', class: 'btn btn-outline-primary', disabled: m.importForm.busy,
        text: m.importForm.busy ? t('enterprises.uploading') : t('enterprises.import') })),
      h('p', { class: 'form-text', text: t('enterprises.importHelp') }),
      m.importForm.problem && problemAlert(m.importForm.problem),
      m.importJob && importProgress(m.importJob),
    ];
  }

  return {
    reset,
    enterpriseView: () => [
      card(t('inbox.title'), section('mInbox', inboxView)),
      card(t('demand.title'), section('mDemands', demandsView)),
      card(t('enterprise.title'), section('mProfile', () => view(m.profile, 'mProfile', loadProfile, profileForm,
        { empty: () => profileForm(null) }))),
    ],
    operatorView: () => (isOperator() ? [
      card(t('campaign.title'), section('mCampaigns', campaignsView)),
      card(t('enterprises.title'), section('mImport', importView)),
    ] : []),
  };
}

addMessages({
  'zh-CN': {
    'match.sharedTerms': '共同技术词：{terms}',
    'match.priors': '其他因素：{priors}',
    'inbox.title': '推送收件箱',
    'inbox.empty': '暂无推送。运营中心按产业细分领域匹配后，专利会推送到这里。',
    'inbox.unread': '未读',
    'inbox.meta': '{id} · {institution} · 匹配度 {score} · 推送于 {at}',
    'inbox.markRead': '标记已读',
    'inbox.interested': '感兴趣',
    'inbox.notRelevant': '不相关',
    'inbox.reasonPlaceholder': '不相关的原因（必填）',
    'inbox.confirm': '提交',
    'inbox.reason': '原因：{reason}',
    'inbox.response.INTERESTED': '感兴趣',
    'inbox.response.NOT_RELEVANT': '不相关',
    'enterprise.title': '企业信息',
    'enterprise.notRegistered': '您的账号尚未关联企业。填写并保存企业信息后即完成登记。',
    'enterprise.saved': '企业信息已保存。',
    'enterprise.save': '保存企业信息',
    'enterprise.industryPicker': '查找国民经济行业分类（GB/T 4754-2017）',
    'enterprise.industryPickerPlaceholder': '输入代码或名称，如 3841 或 锂离子电池',
    'enterprise.help.creditCode': '18 位统一社会信用代码，平台会核对校验位',
    'enterprise.help.regionCode': '6 位行政区划代码，如 420111（洪山区）',
    'enterprise.help.industryClasses': '可填多个，用顿号分隔；可用下方查找',
    'enterprise.help.branches': '战略性新兴产业细分领域代码，如 5.2、6.4',
    'enterprise.help.ipcCodes': '企业自有专利的 IPC 分类号（可选），如 H01M8/04',
    'enterprise.field.creditCode': '统一社会信用代码',
    'enterprise.field.name': '企业名称',
    'enterprise.field.regionCode': '所在地区代码',
    'enterprise.field.industryClasses': '国民经济行业代码',
    'enterprise.field.branches': '战略性新兴产业领域',
    'enterprise.field.size': '企业规模',
    'enterprise.field.recognitions': '资质认定',
    'enterprise.field.products': '主营产品',
    'enterprise.field.description': '企业简介',
    'enterprise.field.keywords': '技术关键词',
    'enterprise.field.ipcCodes': '自有专利 IPC',
    'enterprise.field.contactName': '联系人',
    'enterprise.field.contactPhone': '联系电话',
    'enterprise.size.LARGE': '大型', 'enterprise.size.MEDIUM': '中型', 'enterprise.size.SMALL': '小型', 'enterprise.size.MICRO': '微型',
    'enterprise.recognition.SPECIALIZED_SME': '专精特新中小企业',
    'enterprise.recognition.LITTLE_GIANT': '专精特新“小巨人”',
    'enterprise.recognition.HIGH_TECH': '高新技术企业',
    'enterprise.recognition.TECH_SME': '科技型中小企业',
    'demand.title': '技术需求',
    'demand.post': '发布需求',
    'demand.posted': '需求已发布，运营中心和高校院所可以看到。',
    'demand.empty': '尚未发布技术需求。',
    'demand.needProfile': '请先在下方登记企业信息，再发布技术需求。',
    'demand.published': '已发布到全网',
    'demand.status.OPEN': '征集中', 'demand.status.CLOSED': '已关闭',
    'demand.field.title': '需求名称', 'demand.field.problem': '需要解决的问题', 'demand.field.segment': '所属领域代码',
    'demand.field.budgetMin': '预算下限（万元）', 'demand.field.budgetMax': '预算上限（万元）', 'demand.field.deadline': '截止日期',
    'demand.field.modes': '合作方式',
    'demand.mode.TRANSFER': '转让', 'demand.mode.LICENCE': '许可', 'demand.mode.OPEN_LICENCE': '开放许可',
    'demand.mode.EQUITY': '作价入股', 'demand.mode.JOINT_DEVELOPMENT': '合作开发', 'demand.mode.COMMISSIONED_DEVELOPMENT': '委托开发',
    'campaign.title': '匹配推送活动',
    'campaign.create': '创建活动',
    'campaign.empty': '还没有匹配推送活动。',
    'campaign.field.name': '活动名称', 'campaign.field.k': '每家企业推送件数', 'campaign.field.branches': '目标领域（可选）',
    'campaign.field.regions': '目标地区（可选）', 'campaign.field.recognitions': '目标企业资质（可选）',
    'campaign.field.scope': '专利范围', 'campaign.scope.LIBRARY': '本中心资源库', 'campaign.scope.NETWORK': '本中心资源库 + 网络专利目录（其他中心已发布）',
    'inbox.owner': '来自网络专利目录：{centre}',
    'campaign.continuous': '自动持续匹配', 'campaign.continuousHelp': '新入库的专利和新建、更新的企业每隔几秒自动匹配，结果汇集于此，审核后推送。',
    'campaign.col.name': '活动', 'campaign.col.status': '状态', 'campaign.col.progress': '进度（企业）',
    'campaign.col.matches': '匹配', 'campaign.col.pushed': '已推送', 'campaign.col.actions': '操作',
    'campaign.status.DRAFT': '草稿', 'campaign.status.RUNNING': '匹配中', 'campaign.status.READY': '待推送',
    'campaign.status.PUSHED': '已推送', 'campaign.status.FAILED': '失败', 'campaign.status.SCHEDULED': '已计划',
    'campaign.field.runAt': '计划运行时间（可选，留空则手动运行）', 'campaign.runAt': '将于 {time} 自动运行',
    'campaign.runNow': '立即运行', 'campaign.unschedule': '取消计划',
    'campaign.run': '运行匹配', 'campaign.results': '查看结果', 'campaign.push': '推送给企业',
    'campaign.resultsTitle': '匹配结果（含匹配理由）',
    'campaign.noMatches': '没有匹配结果：范围内没有企业，或没有可交易的入库专利。',
    'campaign.funnel': '推送 {pushed} → 查看 {viewed} → 感兴趣 {interested}（不相关 {notRelevant}）',
    'enterprises.title': '企业库导入',
    'enterprises.importFile': '企业名单（CSV 或 Excel）',
    'enterprises.import': '导入',
    'enterprises.importHelp': '必需的列：统一社会信用代码、企业名称、所在地区代码、国民经济行业代码；可选：战略性新兴产业领域、企业规模、资质认定、主营产品、企业简介、技术关键词、自有专利IPC、联系人、联系电话。',
    'enterprises.report': '共 {rows} 行：新增 {created}，更新 {updated}，未导入 {refusedRows}。',
    'enterprises.reportRow': '第 {row} 行「{column}」{value}：{reason}',
    'enterprises.uploading': '正在上传…',
    'enterprises.job.progress': '导入进度',
    'enterprises.job.rows': '已读行数',
    'enterprises.job.rate': '行/秒',
    'enterprises.job.created': '新增',
    'enterprises.job.updated': '更新',
    'enterprises.job.refused': '未导入',
    'enterprises.job.by': '上传人 {user}',
    'enterprises.job.started': '开始于 {time}',
    'enterprises.job.finished': '结束于 {time}',
    'enterprises.job.status.QUEUED': '排队中',
    'enterprises.job.status.RUNNING': '导入中',
    'enterprises.job.status.COMPLETED': '已完成',
    'enterprises.job.status.FAILED': '失败',
    'enterprises.job.moreErrors': '以上为前 {shown} 处错误，完整清单请下载错误报告。',
    'enterprises.job.errorReport': '下载错误报告（CSV）',
    'state.saving': '保存中…',
  },
  en: {
    'match.sharedTerms': 'Shared terms: {terms}',
    'match.priors': 'Other factors: {priors}',
    'inbox.title': 'Pushed patents',
    'inbox.empty': 'Nothing pushed yet. Patents matched to your industry by the operation centre arrive here.',
    'inbox.unread': 'Unread',
    'inbox.meta': '{id} · {institution} · match {score} · pushed {at}',
    'inbox.markRead': 'Mark as read',
    'inbox.interested': 'Interested',
    'inbox.notRelevant': 'Not relevant',
    'inbox.reasonPlaceholder': 'Why not relevant (required)',
    'inbox.confirm': 'Send',
    'inbox.reason': 'Reason: {reason}',
    'inbox.response.INTERESTED': 'Interested',
    'inbox.response.NOT_RELEVANT': 'Not relevant',
    'enterprise.title': 'Company profile',
    'enterprise.notRegistered': 'Your account maintains no company yet. Saving this profile registers it.',
    'enterprise.saved': 'The profile is saved.',
    'enterprise.save': 'Save profile',
    'enterprise.industryPicker': 'Find a national industry class (GB/T 4754-2017)',
    'enterprise.industryPickerPlaceholder': 'Code or name, e.g. 3841 or 锂离子电池',
    'enterprise.help.creditCode': 'The 18-character unified social credit code; its check character is verified',
    'enterprise.help.regionCode': '6-digit administrative division, e.g. 420111 (Hongshan)',
    'enterprise.help.industryClasses': 'One or more codes, separated by 、; use the finder below',
    'enterprise.help.branches': 'Strategic emerging industry branches, e.g. 5.2, 6.4',
    'enterprise.help.ipcCodes': 'IPC codes of your own patents (optional), e.g. H01M8/04',
    'enterprise.field.creditCode': 'Credit code',
    'enterprise.field.name': 'Company name',
    'enterprise.field.regionCode': 'Region code',
    'enterprise.field.industryClasses': 'Industry classes',
    'enterprise.field.branches': 'Emerging-industry branches',
    'enterprise.field.size': 'Size',
    'enterprise.field.recognitions': 'Recognitions',
    'enterprise.field.products': 'Main products',
    'enterprise.field.description': 'Description',
    'enterprise.field.keywords': 'Technology keywords',
    'enterprise.field.ipcCodes': 'Own patents\u2019 IPC',
    'enterprise.field.contactName': 'Contact',
    'enterprise.field.contactPhone': 'Phone',
    'enterprise.size.LARGE': 'Large', 'enterprise.size.MEDIUM': 'Medium', 'enterprise.size.SMALL': 'Small', 'enterprise.size.MICRO': 'Micro',
    'enterprise.recognition.SPECIALIZED_SME': 'Specialised SME',
    'enterprise.recognition.LITTLE_GIANT': '"Little giant"',
    'enterprise.recognition.HIGH_TECH': 'High-tech enterprise',
    'enterprise.recognition.TECH_SME': 'Tech SME',
    'demand.title': 'Technology demands',
    'demand.post': 'Post demand',
    'demand.posted': 'The demand is posted; the operation centre and institutions can see it.',
    'demand.empty': 'No demands posted yet.',
    'demand.needProfile': 'Register your company below before posting a demand.',
    'demand.published': 'Published to the network',
    'demand.status.OPEN': 'Open', 'demand.status.CLOSED': 'Closed',
    'demand.field.title': 'Title', 'demand.field.problem': 'Problem to solve', 'demand.field.segment': 'Branch code',
    'demand.field.budgetMin': 'Budget from (10k CNY)', 'demand.field.budgetMax': 'Budget to (10k CNY)', 'demand.field.deadline': 'Deadline',
    'demand.field.modes': 'Cooperation modes',
    'demand.mode.TRANSFER': 'Transfer', 'demand.mode.LICENCE': 'Licence', 'demand.mode.OPEN_LICENCE': 'Open licence',
    'demand.mode.EQUITY': 'Equity', 'demand.mode.JOINT_DEVELOPMENT': 'Joint development', 'demand.mode.COMMISSIONED_DEVELOPMENT': 'Commissioned development',
    'campaign.title': 'Matching campaigns',
    'campaign.create': 'Create campaign',
    'campaign.empty': 'No campaigns yet.',
    'campaign.field.name': 'Name', 'campaign.field.k': 'Patents per company', 'campaign.field.branches': 'Target branches (optional)',
    'campaign.field.regions': 'Target regions (optional)', 'campaign.field.recognitions': 'Target recognitions (optional)',
    'campaign.field.scope': 'Patents in scope', 'campaign.scope.LIBRARY': 'This centre\'s library', 'campaign.scope.NETWORK': 'This centre\'s library + the network catalogue (published by other centres)',
    'inbox.owner': 'From the network catalogue: {centre}',
    'campaign.continuous': 'Continuous', 'campaign.continuousHelp': 'Newly admitted patents and new or changed companies are matched every few seconds; the results gather here for review and push.',
    'campaign.col.name': 'Campaign', 'campaign.col.status': 'Status', 'campaign.col.progress': 'Progress (companies)',
    'campaign.col.matches': 'Matches', 'campaign.col.pushed': 'Pushed', 'campaign.col.actions': 'Actions',
    'campaign.status.DRAFT': 'Draft', 'campaign.status.RUNNING': 'Running', 'campaign.status.READY': 'Ready to push',
    'campaign.status.PUSHED': 'Pushed', 'campaign.status.FAILED': 'Failed', 'campaign.status.SCHEDULED': 'Scheduled',
    'campaign.field.runAt': 'Run at (optional; empty: run by hand)', 'campaign.runAt': 'Runs by itself at {time}',
    'campaign.runNow': 'Run now', 'campaign.unschedule': 'Cancel schedule',
    'campaign.run': 'Run', 'campaign.results': 'Results', 'campaign.push': 'Push to companies',
    'campaign.resultsTitle': 'Results, with why each was matched',
    'campaign.noMatches': 'No matches: no company in scope, or no admitted patent available.',
    'campaign.funnel': 'Pushed {pushed} → viewed {viewed} → interested {interested} (not relevant {notRelevant})',
    'enterprises.title': 'Import companies',
    'enterprises.importFile': 'Company list (CSV or Excel)',
    'enterprises.import': 'Import',
    'enterprises.importHelp': 'Required columns: 统一社会信用代码, 企业名称, 所在地区代码, 国民经济行业代码 (or credit_code, name, region_code, industry_classes); optional: branches, size, recognitions, products, description, keywords, ipc_codes, contact.',
    'enterprises.report': '{rows} rows: {created} new, {updated} updated, {refusedRows} not imported.',
    'enterprises.reportRow': 'Row {row}, {column} {value}: {reason}',
    'enterprises.uploading': 'Uploading…',
    'enterprises.job.progress': 'Import progress',
    'enterprises.job.rows': 'Rows read',
    'enterprises.job.rate': 'Rows/s',
    'enterprises.job.created': 'New',
    'enterprises.job.updated': 'Updated',
    'enterprises.job.refused': 'Not imported',
    'enterprises.job.by': 'Uploaded by {user}',
    'enterprises.job.started': 'started {time}',
    'enterprises.job.finished': 'finished {time}',
    'enterprises.job.status.QUEUED': 'Queued',
    'enterprises.job.status.RUNNING': 'Importing',
    'enterprises.job.status.COMPLETED': 'Completed',
    'enterprises.job.status.FAILED': 'Failed',
    'enterprises.job.moreErrors': 'The first {shown} errors are shown; download the error report for all of them.',
    'enterprises.job.errorReport': 'Download the error report (CSV)',
    'state.saving': 'Saving…',
  },
});
