// The ops console's pages: every figure and every action goes through the ops API (/ops/api/v1) with the session
// cookie and, for changes, the session's CSRF token. The API's gate decides; the page only hides what the role lacks.
(function () {
  'use strict';
  const API = '/ops/api/v1';
  const body = document.body;
  const page = body.dataset.page;
  const canOperate = body.dataset.canOperate === 'true';
  const isAdmin = body.dataset.admin === 'true';
  const csrf = (document.querySelector('meta[name="csrf-token"]') || {}).content;
  const t = (k) => { const e = document.querySelector('#i18n') && document.querySelector('#i18n').content.querySelector('[data-k="' + k + '"]'); return e ? e.textContent : k; };
  const $ = (id) => document.getElementById(id);

  async function api(method, path, payload) {
    const headers = { 'Accept': 'application/json' };
    if (method !== 'GET') { headers['X-CSRF-Token'] = csrf; }
    if (payload !== undefined) { headers['Content-Type'] = 'application/json'; }
    const response = await fetch(API + path, { method, headers, credentials: 'same-origin',
      body: payload === undefined ? undefined : JSON.stringify(payload) });
    const text = await response.text();
    let data = null;
    try { data = text ? JSON.parse(text) : null; } catch (e) { data = { message: text }; }
    if (response.status === 401) { location.href = '/ops/login'; }
    if (!response.ok) { const err = new Error((data && (data.code + ': ' + data.message)) || response.status); err.status = response.status; err.code = data && data.code; throw err; }
    return data;
  }

  function cell(tr, value, cls) {
    const td = document.createElement('td');
    td.textContent = value === null || value === undefined ? '' : String(value);
    if (cls) { td.className = cls; }
    tr.appendChild(td);
    return td;
  }

  function rows(tbody, items, fill) {
    tbody.replaceChildren();
    if (!items || items.length === 0) {
      const tr = document.createElement('tr');
      cell(tr, t('none'), 'muted').colSpan = 9;
      tbody.appendChild(tr);
      return;
    }
    for (const item of items) {
      const tr = document.createElement('tr');
      fill(tr, item);
      tbody.appendChild(tr);
    }
  }

  function button(label, testId, onClick) {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = label;
    b.dataset.testid = testId;
    b.addEventListener('click', onClick);
    return b;
  }

  function say(id, ok, text) {
    const el = $(id);
    if (el) { el.textContent = (ok ? t('done') : t('failed')) + (text ? ': ' + text : ''); el.className = ok ? 'result' : 'result error'; }
  }

  // a config-center document saved by someone else since this page read it: say so and offer to reload it
  function conflictOr(id, e, reload) {
    if (e.code !== 'RULES_VERSION_CONFLICT') { say(id, false, e.message); return; }
    say(id, false, t('conflict'));
    $(id).appendChild(button(t('reload'), id + '-reload', async () => { $(id).textContent = ''; await reload(); }));
  }

  const pct = (x) => (x * 100).toFixed(1) + '%';
  const money = (minor, currency) => minor === null || minor === undefined ? '' : (minor / 100).toFixed(2) + ' ' + (currency || '');

  // ---- dashboard and channels: health, alarms, charts, refreshed by polling
  const charts = {};
  function chart(id, type, labels, datasets) {
    if (!window.Chart || !$(id)) { return; }
    if (charts[id]) { charts[id].data.labels = labels; charts[id].data.datasets = datasets; charts[id].update('none'); return; }
    charts[id] = new window.Chart($(id), { type, data: { labels, datasets }, options: { animation: false, responsive: true } });
  }

  function health(channels) {
    rows($('health'), channels, (tr, h) => {
      cell(tr, h.channel); cell(tr, h.calls); cell(tr, pct(h.success_rate)); cell(tr, h.p50_ms.toFixed(0)); cell(tr, h.p99_ms.toFixed(0));
      cell(tr, h.breaker_state); cell(tr, (h.top_codes || []).map(c => c.code + '×' + c.count).join(', '));
    });
    const labels = channels.map(h => h.channel);
    chart('chart-success', 'bar', labels, [{ label: t('successRate'), data: channels.map(h => +(h.success_rate * 100).toFixed(1)) }]);
    chart('chart-latency', 'bar', labels, [{ label: 'p50 ' + t('latency'), data: channels.map(h => h.p50_ms) },
      { label: 'p99 ' + t('latency'), data: channels.map(h => h.p99_ms) }]);
  }

  async function dashboard() {
    try {
      const d = await api('GET', '/dashboard');
      health(d.channels);
      const list = $('alarms');
      list.replaceChildren();
      if (d.alarms.length === 0) { const li = document.createElement('li'); li.textContent = t('noAlarms'); li.className = 'muted'; list.appendChild(li); }
      for (const a of d.alarms) {
        const li = document.createElement('li');
        li.className = 'alarm';
        li.textContent = a.channel + ' ' + a.kind + ': ' + (a.kind.startsWith('SUCCESS') ? pct(a.value) + ' < ' + pct(a.threshold) : a.value.toFixed(0) + ' ms > ' + a.threshold.toFixed(0) + ' ms');
        list.appendChild(li);
      }
      $('backlog-pending').textContent = d.notifications.pending >= d.notifications.limit ? d.notifications.limit + '+' : d.notifications.pending;
      $('backlog-gaveup').textContent = d.notifications.gave_up >= d.notifications.limit ? d.notifications.limit + '+' : d.notifications.gave_up;
      $('recon-open').textContent = d.reconciliation.differences_open;
      $('refreshed').textContent = new Date().toLocaleTimeString();
    } catch (e) { $('refreshed').textContent = e.message; }
  }

  async function payments() {
    try {
      const p = await api('GET', '/dashboard/payments?window=' + $('payments-window').value);
      const minutes = [...new Set(p.minutes.map(m => m.minute))].sort();
      const series = {};
      for (const m of p.minutes) {
        const key = m.method + (m.channel ? ' / ' + m.channel : '');
        series[key] = series[key] || {};
        series[key][m.minute] = (series[key][m.minute] || 0) + m.count;
      }
      chart('chart-payments', 'line', minutes.map(m => m.substring(11, 16)),
        Object.keys(series).sort().map(key => ({ label: key, data: minutes.map(m => series[key][m] || 0) })));
    } catch (e) { /* the next poll tries again; the rest of the dashboard does not depend on it */ }
  }

  async function refundsChart() {
    try {
      const r = await api('GET', '/dashboard/refunds?window=' + $('payments-window').value);
      const minutes = [...new Set(r.minutes.map(m => m.minute))].sort();
      const series = {};
      for (const m of r.minutes) { series[m.status] = series[m.status] || {}; series[m.status][m.minute] = (series[m.status][m.minute] || 0) + m.count; }
      chart('chart-refunds', 'bar', minutes.map(m => m.substring(11, 16)),
        Object.keys(series).sort().map(key => ({ label: key, data: minutes.map(m => series[key][m] || 0) })));
    } catch (e) { /* the next poll tries again */ }
  }

  // success rate and p50/p99 per channel over the chosen window, one point a minute (the cashier samples the gateway)
  async function healthHistory() {
    try {
      const h = await api('GET', '/dashboard/channels?window=' + $('payments-window').value);
      const minutes = [...new Set(h.samples.map(x => x.minute))].sort();
      const byChannel = {};
      for (const x of h.samples) { byChannel[x.channel] = byChannel[x.channel] || {}; byChannel[x.channel][x.minute] = x; }
      const channels = Object.keys(byChannel).sort();
      const at = (c, m, f) => byChannel[c][m] ? f(byChannel[c][m]) : null;
      const labels = minutes.map(m => m.substring(11, 16));
      chart('chart-success-history', 'line', labels, channels.map(c => ({ label: c + ' ' + t('successRate'),
        data: minutes.map(m => at(c, m, x => +(x.success_rate * 100).toFixed(1))) })));
      chart('chart-latency-history', 'line', labels, channels.flatMap(c => [
        { label: c + ' p50', data: minutes.map(m => at(c, m, x => Math.round(x.p50_ms))) },
        { label: c + ' p99', data: minutes.map(m => at(c, m, x => Math.round(x.p99_ms))) }]));
    } catch (e) { /* the next poll tries again */ }
  }

  // ---- trades: search by any number, trail, payouts
  async function search(number, merchant) {
    const q = '?number=' + encodeURIComponent(number) + (merchant ? '&merchant_id=' + encodeURIComponent(merchant) : '');
    const found = await api('GET', '/search' + q);
    rows($('hits'), found.hits, (tr, h) => {
      cell(tr, h.kind + ' (' + h.matched_as + ')'); cell(tr, h.number);
      const tradeCell = cell(tr, '');
      const link = document.createElement('a');
      link.href = '#'; link.textContent = h.trade_no; link.dataset.testid = 'trail-' + h.trade_no;
      link.addEventListener('click', (e) => { e.preventDefault(); trail(h.trade_no); });
      tradeCell.appendChild(link);
      cell(tr, h.merchant_id); cell(tr, h.status); cell(tr, money(h.amount, h.currency));
      cell(tr, h.channel ? h.channel + ' ' + (h.channel_trade_no || '') : ''); cell(tr, h.created_at);
    });
    if (found.hits.length === 1) { trail(found.hits[0].trade_no); }
  }

  async function trail(tradeNo) {
    const tr = await api('GET', '/trades/' + encodeURIComponent(tradeNo) + '/trail');
    rows($('trail'), tr.events, (row, s) => { cell(row, s.at); cell(row, s.source); cell(row, s.type); cell(row, s.reference); cell(row, s.detail, 'wrap'); });
  }

  // ---- notifications
  async function notifications() {
    const status = $('notify-status').value;
    const trade = $('notify-trade').value.trim();
    const q = '?limit=100' + (status ? '&status=' + status : '') + (trade ? '&trade_no=' + encodeURIComponent(trade) : '');
    const list = await api('GET', '/notifications' + q);
    rows($('notifications'), list.data, (tr, n) => {
      cell(tr, n.event_id); cell(tr, n.event_type); cell(tr, n.trade_no); cell(tr, n.merchant_id); cell(tr, n.status); cell(tr, n.attempts); cell(tr, n.created_at);
      const actions = cell(tr, '');
      if (canOperate) {
        actions.appendChild(button(t('resend'), 'resend-' + n.event_id, async () => {
          try { const r = await api('POST', '/notifications/' + encodeURIComponent(n.event_id) + '/resend'); say('notify-result', true, n.event_id + ' → ' + r.notification.status); notifications(); }
          catch (e) { say('notify-result', false, e.message); }
        }));
      }
    });
  }

  // ---- reconciliation
  async function batches() {
    const list = await api('GET', '/reconciliations?limit=50');
    rows($('batches'), list, (tr, b) => {
      const id = cell(tr, '');
      const link = document.createElement('a');
      link.href = '#'; link.textContent = b.reconciliation_id; link.dataset.testid = 'batch-' + b.reconciliation_id;
      link.addEventListener('click', (e) => { e.preventDefault(); differences(b.reconciliation_id); });
      id.appendChild(link);
      cell(tr, b.channel); cell(tr, b.bill_date); cell(tr, b.status); cell(tr, b.differences_open + ' / ' + (b.differences_open + b.differences_resolved));
    });
  }

  async function differences(batchId) {
    const list = await api('GET', '/reconciliations/' + batchId + '/differences');
    rows($('differences'), list, (tr, d) => {
      cell(tr, d.difference_id); cell(tr, d.type + ' ' + d.kind); cell(tr, (d.our_no || '') + ' / ' + (d.channel_no || ''));
      cell(tr, money(d.our_amount, d.currency) + ' / ' + money(d.channel_amount, d.currency));
      cell(tr, d.status); cell(tr, d.resolution ? d.resolution.action + ' by ' + d.resolution.by + ': ' + d.resolution.reason : (d.note || ''), 'wrap');
      const actions = cell(tr, '');
      if (canOperate && d.status !== 'RESOLVED' && !d.resolution) {
        const action = document.createElement('select');
        action.dataset.testid = 'resolve-action-' + d.difference_id;
        for (const a of ['ACCEPT', 'REFUND', 'ADJUST']) { const o = document.createElement('option'); o.value = a; o.textContent = a; action.appendChild(o); }
        const reason = document.createElement('input');
        reason.placeholder = t('reason'); reason.dataset.testid = 'resolve-reason-' + d.difference_id;
        actions.append(action, reason, button(t('resolve'), 'resolve-' + d.difference_id, async () => {
          try { const r = await api('POST', '/reconciliations/differences/' + d.difference_id + '/resolve', { action: action.value, reason: reason.value });
            say('recon-result', true, d.difference_id + ' → ' + r.status); differences(batchId); batches(); }
          catch (e) { say('recon-result', false, e.message); }
        }));
      }
    });
  }

  // ---- channels: routing rules with a diff before saving
  let rulesVersion = -1;
  let rulesDoc = [];
  async function rules() {
    const r = await api('GET', '/rules/routing');
    rulesVersion = r.version; rulesDoc = r.rules;
    $('rules-version').textContent = r.version;
    $('rules-json').value = JSON.stringify(r.rules, null, 2);
    rows($('rules'), r.rules, (tr, rule) => {
      cell(tr, rule.channel); cell(tr, rule.method); cell(tr, rule.enabled === false ? 'false' : 'true');
      const gray = cell(tr, '');
      const input = document.createElement('input');
      input.type = 'number'; input.min = 0; input.max = 100; input.disabled = !isAdmin;
      input.value = rule.gray_percent === undefined || rule.gray_percent === null ? 100 : rule.gray_percent;
      input.dataset.testid = 'gray-' + rule.channel + '-' + rule.method;
      input.addEventListener('change', () => { rule.gray_percent = Number(input.value); $('rules-json').value = JSON.stringify(rulesDoc, null, 2); if ($('rules-save')) { $('rules-save').disabled = true; } });
      gray.appendChild(input);
    });
    $('rules-diff').replaceChildren();
  }

  function edited() { return JSON.parse($('rules-json').value); }

  async function preview() {
    try {
      const p = await api('POST', '/rules/routing/preview', { rules: edited() });
      const tbody = $('rules-diff');
      tbody.replaceChildren();
      for (const problem of p.problems) { const tr = document.createElement('tr'); cell(tr, problem, 'error').colSpan = 4; tbody.appendChild(tr); }
      for (const c of p.changes) {
        const tr = document.createElement('tr');
        cell(tr, c.rule); cell(tr, c.field); cell(tr, c.before === null ? '' : JSON.stringify(c.before), 'wrap'); cell(tr, c.after === null ? '' : JSON.stringify(c.after), 'wrap');
        tbody.appendChild(tr);
      }
      if (p.valid && p.changes.length === 0) { say('rules-status', true, t('noChange')); }
      $('rules-save').disabled = !p.valid || p.changes.length === 0;
    } catch (e) { say('rules-status', false, e.message); }
  }

  async function save() {
    try {
      const r = await api('PUT', '/rules/routing', { rules: edited(), version: rulesVersion });
      say('rules-status', true, t('saved') + ' ' + r.version);
      await rules();
    } catch (e) { conflictOr('rules-status', e, rules); }
  }

  // ---- settlements, merchants, operators, audit
  async function settle(date) {
    try {
      const r = await api('POST', '/settlements/runs', { date });
      say('settle-result', true, r.date + ' (' + r.settlements.length + ')');
      rows($('settlements'), r.settlements, (tr, s) => {
        const v = s.settlement || {};
        cell(tr, s.merchant_id); cell(tr, v.settlement_no); cell(tr, money(v.net, 'CNY')); cell(tr, v.status); cell(tr, v.period ? v.period.from + ' – ' + v.period.to : '');
      });
    } catch (e) { say('settle-result', false, e.message); }
  }

  async function operators() {
    const list = await api('GET', '/operators');
    rows($('operators'), list, (tr, o) => {
      cell(tr, o.login_name + (o.display_name && o.display_name !== o.login_name ? ' (' + o.display_name + ')' : ''));
      cell(tr, o.role); cell(tr, o.status + (o.locked_until ? ' 🔒 ' + o.locked_until : '')); cell(tr, o.created_at + ' / ' + o.created_by);
      const actions = cell(tr, '');
      const next = o.status === 'ACTIVE' ? 'DISABLED' : 'ACTIVE';
      actions.appendChild(button(next === 'DISABLED' ? t('disable') : t('enable'), 'status-' + o.login_name, async () => {
        try { await api('POST', '/operators/' + encodeURIComponent(o.login_name), { status: next }); operators(); }
        catch (e) { say('op-result', false, e.message); }
      }));
    });
  }

  async function audit() {
    const page = await api('GET', '/audit?limit=200');
    rows($('audit'), page.data, (tr, a) => {
      cell(tr, a.audit_id); cell(tr, a.at); cell(tr, a.actor); cell(tr, a.actor_role); cell(tr, a.action + ' ' + a.method);
      cell(tr, a.path + (a.request_body ? ' ' + a.request_body : ''), 'wrap'); cell(tr, a.status + (a.response_summary ? ' ' + a.response_summary : ''), 'wrap');
      cell(tr, a.before, 'wrap'); cell(tr, a.after, 'wrap');
    });
  }

  // ---- risk: pay-core's rule document, saved only over the version it was loaded at
  let riskVersion = null;
  async function risk() {
    const r = await api('GET', '/risk/rules');
    riskVersion = r.version;
    $('risk-version').textContent = r.version;
    $('risk-loaded').textContent = r.loaded_at || '-';
    $('risk-path').textContent = r.path;
    $('risk-ids').textContent = (r.rule_ids || []).join(', ');
    $('risk-json').value = r.document === null ? '' : JSON.stringify(r.document, null, 2);
  }

  async function riskSave() {
    try {
      const r = await api('PUT', '/risk/rules?version=' + encodeURIComponent(riskVersion), JSON.parse($('risk-json').value));
      say('risk-status', true, t('saved') + ' ' + r.version);
      await risk(); await riskLists();
    } catch (e) { conflictOr('risk-status', e, risk); }
  }

  // ---- risk lists: each blacklist rule's lists, one entry a line, saved into the same document over its version
  let listsVersion = null;
  async function riskLists() {
    const r = await api('GET', '/risk/lists');
    listsVersion = r.version;
    $('lists-version').textContent = r.version;
    const box = $('risk-lists');
    box.replaceChildren();
    if (r.lists.length === 0) { const p = document.createElement('p'); p.className = 'muted'; p.textContent = t('none'); box.appendChild(p); }
    for (const l of r.lists) {
      const key = l.rule_id + '-' + l.name;
      const block = document.createElement('div');
      block.className = 'risk-list';
      const title = document.createElement('h3');
      title.textContent = l.rule_id + ' · ' + l.name + ' (' + l.action + (l.enabled ? '' : ', off') + ', ' + l.entries.length + ')';
      const text = document.createElement('textarea');
      text.rows = Math.min(8, Math.max(2, l.entries.length + 1)); text.value = l.entries.join('\n');
      text.dataset.testid = 'list-' + key; text.disabled = !isAdmin;
      block.append(title, text);
      if (isAdmin) {
        block.appendChild(button(t('saveList'), 'list-save-' + key, async () => {
          try {
            const saved = await api('PUT', '/risk/lists/' + encodeURIComponent(l.rule_id) + '/' + encodeURIComponent(l.name),
              { entries: text.value.split('\n').map(x => x.trim()).filter(x => x), version: listsVersion });
            say('lists-status', true, key + ' ' + t('saved') + ' ' + saved.version);
            await riskLists(); await risk();
          } catch (e) { conflictOr('lists-status', e, async () => { await riskLists(); await risk(); }); }
        }));
      }
      box.appendChild(block);
    }
  }

  async function riskDecisions() {
    const q = new URLSearchParams({ limit: '50' });
    for (const [param, id] of [['buyer_id', 'decisions-buyer'], ['merchant_id', 'decisions-merchant'], ['trade_no', 'decisions-trade'], ['action', 'decisions-action']]) {
      const v = $(id).value.trim(); if (v) { q.set(param, v); }
    }
    const d = await api('GET', '/risk/decisions?' + q);
    rows($('risk-decisions'), d.data, (tr, x) => {
      cell(tr, x.decided_at); cell(tr, x.action, x.action === 'ALLOW' ? '' : 'alarm'); cell(tr, x.trade_no); cell(tr, x.buyer_id);
      cell(tr, x.merchant_id); cell(tr, money(x.amount, x.currency) + ' ' + x.method);
      cell(tr, (x.fired_rules || []).join(', '), 'wrap'); cell(tr, (x.failed_rules || []).join(', '), 'wrap');
    });
  }

  const on = (id, event, handler) => { const el = $(id); if (el) { el.addEventListener(event, handler); } };
  const submit = (id, handler) => on(id, 'submit', (e) => { e.preventDefault(); handler(); });

  const pages = {
    dashboard() {
      dashboard(); setInterval(dashboard, 5000);
      payments(); setInterval(payments, 30000); on('payments-window', 'change', payments);
      refundsChart(); setInterval(refundsChart, 30000); on('payments-window', 'change', refundsChart);
      healthHistory(); setInterval(healthHistory, 60000); on('payments-window', 'change', healthHistory);
    },
    channels() {
      const poll = async () => { try { health((await api('GET', '/channels/health')).channels); } catch (e) { /* next poll */ } };
      poll(); setInterval(poll, 5000); rules();
      on('rules-preview', 'click', preview); on('rules-save', 'click', save);
      on('rules-json', 'input', () => { if ($('rules-save')) { $('rules-save').disabled = true; } });
    },
    risk() {
      risk().catch(e => say('risk-status', false, e.message)); on('risk-save', 'click', riskSave);
      riskLists().catch(e => say('lists-status', false, e.message));
      const decisions = () => riskDecisions().catch(e => rows($('risk-decisions'), [], () => {}));
      decisions(); submit('decisions-filter', decisions);
    },
    trades() {
      submit('search', () => search($('search-number').value.trim(), $('search-merchant').value.trim()).catch(e => rows($('hits'), [], () => {})));
      const payouts = (q) => api('GET', '/payouts?' + q).then(p => rows($('payouts'), p.data, (tr, x) => {
        cell(tr, x.payout_no + (x.channel_payout_no ? ' / ' + x.channel_payout_no : '')); cell(tr, x.owner_id);
        cell(tr, money(x.amount.total, x.amount.currency)); cell(tr, x.status + (x.failure_code ? ' ' + x.failure_code : '')); cell(tr, x.created_at);
      })).catch(() => rows($('payouts'), [], () => {}));
      payouts('limit=20');
      submit('payout-search', () => { const n = $('payout-number').value.trim(); payouts(n ? 'number=' + encodeURIComponent(n) : 'limit=20'); });
    },
    notifications() { submit('notify-filter', notifications); notifications(); },
    reconciliations() {
      batches();
      submit('recon-run', async () => {
        try { const b = await api('POST', '/reconciliations', { channel: $('recon-channel').value, bill_date: $('recon-date').value });
          say('recon-result', true, b.channel + ' ' + b.bill_date + ' ' + b.status); batches(); differences(b.reconciliation_id); }
        catch (e) { say('recon-result', false, e.message); }
      });
    },
    settlements() { submit('settle-run', () => settle($('settle-date').value)); },
    merchants() {
      submit('onboard', async () => {
        try { const m = await api('POST', '/merchants', { name: $('onboard-name').value, public_key_pem: $('onboard-pem').value });
          say('onboard-result', true, m.merchant_id + ' / ' + m.app_id); }
        catch (e) { say('onboard-result', false, e.message); }
      });
      submit('terms-load', async () => {
        try { $('terms-json').value = JSON.stringify(await api('GET', '/merchants/' + encodeURIComponent($('terms-merchant').value.trim()) + '/settlement-terms'), null, 2); }
        catch (e) { say('terms-result', false, e.message); }
      });
      submit('rotate', async () => {
        const body = { grace_hours: Number($('rotate-grace').value || 24) };
        if ($('rotate-pem').value.trim()) { body.public_key_pem = $('rotate-pem').value; }
        try { const r = await api('POST', '/merchants/apps/' + encodeURIComponent($('rotate-app').value.trim()) + '/keys/rotate', body);
          say('rotate-result', true, r.app_id + ' ' + r.serial_no + ' (' + r.old_keys_retiring + ' → ' + r.old_keys_valid_until + ')');
          const secret = $('rotate-private');
          secret.textContent = r.private_key_pem || ''; secret.hidden = !r.private_key_pem; }
        catch (e) { say('rotate-result', false, e.message); }
      });
      let limitVersion = null;
      const loadLimit = async () => {
        const l = await api('GET', '/merchants/' + encodeURIComponent($('limit-merchant').value.trim()) + '/rate-limit');
        $('limit-qps').value = l.qps === null || l.qps === undefined ? '' : l.qps;
        $('limit-default').textContent = l.default_qps; $('limit-version').textContent = l.version; limitVersion = l.version;
        if ($('limit-save')) { $('limit-save').disabled = false; }
        say('limit-result', true, l.merchant_id + ' @' + l.version);
      };
      submit('limit-load', () => loadLimit().catch(e => say('limit-result', false, e.message)));
      on('limit-save', 'click', async () => {
        const qps = $('limit-qps').value.trim();
        try { const l = await api('PUT', '/merchants/' + encodeURIComponent($('limit-merchant').value.trim()) + '/rate-limit',
            { qps: qps === '' ? null : Number(qps), version: limitVersion });
          limitVersion = l.version; $('limit-version').textContent = l.version;
          say('limit-result', true, l.merchant_id + ' ' + (l.qps === null ? '(' + l.default_qps + ')' : l.qps)); }
        catch (e) { conflictOr('limit-result', e, loadLimit); }
      });
      submit('fee', async () => {
        try { const f = await api('PUT', '/merchants/' + encodeURIComponent($('fee-merchant').value.trim()) + '/fee-rate',
            { rate_bps: Number($('fee-bps').value) });
          say('fee-result', true, f.merchant_id + ' ' + f.rate_bps + ' bps'); }
        catch (e) { say('fee-result', false, e.message); }
      });
      on('terms-save', 'click', async () => {
        try { const saved = await api('PUT', '/merchants/' + encodeURIComponent($('terms-merchant').value.trim()) + '/settlement-terms', JSON.parse($('terms-json').value));
          say('terms-result', true, saved.merchant_id + ' T+' + saved.cycle_days + ' ' + saved.bank_account); }
        catch (e) { say('terms-result', false, e.message); }
      });
    },
    operators() {
      operators();
      submit('operator-create', async () => {
        try { const o = await api('POST', '/operators', { login_name: $('op-login').value.trim(), display_name: $('op-display').value,
            role: $('op-role').value, password: $('op-password').value });
          $('op-password').value = ''; say('op-result', true, o.login_name + ' ' + o.role); operators(); }
        catch (e) { say('op-result', false, e.message); }
      });
    },
    audit() {
      audit();
      on('audit-verify', 'click', async () => {
        const v = await api('GET', '/audit/verify');
        $('audit-chain').textContent = v.intact ? t('intact') + ' (' + v.checked + ')' : t('broken') + ' #' + v.first_broken_id;
      });
    }
  };
  if (pages[page]) { pages[page](); }
})();
