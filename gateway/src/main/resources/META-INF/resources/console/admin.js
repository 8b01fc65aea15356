// The platform admin's queues: partner applications (approve, reject), partners (suspend, reinstate,
// terminate, and each one's audit trail) and content moderation (approve, reject).
import { all, call, get, post } from './api.js';
import { act, alertRegion, field, h, screen, select, showProblem, statusRegion, table, when } from './ui.js';

/** The changes of standing each status allows (partner-service answers any other with 409). */
const TRANSITIONS = {
  ACTIVE: ['suspend', 'terminate'],
  SUSPENDED: ['reinstate', 'terminate'],
};

function list(path, query, problems) {
  return all(path, query).catch((error) => {
    showProblem(error, problems);
    return [];
  });
}

function facts(pairs) {
  return h('dl', { class: 'facts' }, pairs.filter(([, value]) => value !== undefined && value !== null && value !== '')
    .map(([name, value]) => [h('dt', {}, name), h('dd', {}, value)]));
}

/** An external link a partner gave: opened apart from the console, telling it nothing. */
function outside(url) {
  return url ? h('a', { href: url, rel: 'noopener noreferrer', target: '_blank' }, url) : '';
}

/** A form with a required reason and one button per action it may take. */
function reasonForm(label, actions, problems, optional = false) {
  const reason = h('textarea', { name: 'reason', rows: '2', maxlength: '1000' });
  const form = h('form', { 'aria-label': label, onsubmit: (event) => event.preventDefault() },
    field(optional ? 'Reason (optional for some actions)' : 'Reason', reason), problems,
    h('div', { class: 'actions' }, actions.map(([text, run, style]) => h('button', {
      type: 'button', class: style, onclick: () => act(form, problems, () => run(reason.value.trim())),
    }, text))));
  return form;
}

export async function applications(main) {
  const problems = alertRegion();
  const status = statusRegion();
  const detail = h('section', { class: 'detail', 'aria-live': 'polite' });
  const loading = h('p', {}, 'Loading…');
  screen(main, 'Partner applications', problems, status, loading);
  const pending = await list('/api/v1/partners', { status: 'APPLIED' }, problems);
  const rows = pending.map((partner) => h('tr', {},
    h('th', { scope: 'row' }, partner.displayName, h('div', { class: 'hint' }, partner.slug)),
    h('td', {}, partner.category), h('td', {}, partner.territories.join(', ')), h('td', {}, partner.contactEmail),
    h('td', {}, h('button', {
      type: 'button', 'aria-label': `Review ${partner.displayName}`, onclick: () => review(partner),
    }, 'Review'))));
  loading.remove();
  main.append(table(`${pending.length} applications waiting`, ['Applicant', 'Category', 'Territories', 'Contact', ''], rows), detail);

  function review(partner) {
    const formProblems = alertRegion();
    detail.replaceChildren(h('h2', { tabindex: '-1' }, `Application: ${partner.displayName}`),
      facts([['Legal name', partner.legalName], ['Slug', partner.slug], ['Category', partner.category],
        ['Territories', partner.territories.join(', ')], ['Languages', partner.languages.join(', ')],
        ['Contact', partner.contactEmail], ['Website', outside(partner.website)], ['Webhook', partner.webhookUrl],
        ['Agreement', `${partner.agreementVersion} accepted ${when(partner.agreementAcceptedAt)}`]]),
      reasonForm('Decide the application', [
        ['Approve', async () => {
          const approval = await post(`/api/v1/partners/${partner.id}/approve`, {});
          detail.replaceChildren(h('h2', { tabindex: '-1' }, `Approved: ${partner.displayName}`),
            h('p', {}, 'Give the partner these credentials now: the secret is shown this once and cannot be read again (it can be rotated).'),
            facts([['Client id', h('code', { class: 'client-id' }, approval.clientId)],
              ['Client secret', h('code', { class: 'client-secret' }, approval.clientSecret)]]));
          detail.querySelector('h2').focus();
          status.textContent = `${partner.displayName} is active`;
        }, 'primary'],
        ['Reject', async (reason) => {
          await post(`/api/v1/partners/${partner.id}/reject`, { reason });
          detail.replaceChildren();
          status.textContent = `${partner.displayName} rejected`;
        }, 'danger'],
      ], formProblems));
    detail.querySelector('h2').focus();
  }
}

export async function partners(main) {
  const problems = alertRegion();
  const status = statusRegion();
  const detail = h('section', { class: 'detail' });
  const filter = select('status', [['ACTIVE', 'active'], ['SUSPENDED', 'suspended'], ['TERMINATED', 'terminated'],
    ['REJECTED', 'rejected'], ['', 'all']], sessionStorage.getItem('console.partners.status') ?? 'ACTIVE');
  const listing = h('div', {});
  filter.addEventListener('change', () => {
    sessionStorage.setItem('console.partners.status', filter.value);
    load();
  });
  screen(main, 'Partners', problems, status, h('form', { class: 'toolbar', 'aria-label': 'Filter' }, field('Status', filter)),
    listing, detail);

  async function load() {
    const found = await list('/api/v1/partners', { status: filter.value }, problems);
    listing.replaceChildren(table(`${found.length} partners`, ['Partner', 'Status', 'Territories', 'Client', ''],
      found.map((partner) => h('tr', {},
        h('th', { scope: 'row' }, partner.displayName, h('div', { class: 'hint' }, partner.slug)),
        h('td', {}, partner.status), h('td', {}, partner.territories.join(', ')), h('td', {}, partner.clientId ?? ''),
        h('td', {}, h('button', {
          type: 'button', 'aria-label': `Open ${partner.displayName}`, onclick: () => open(partner.id),
        }, 'Open'))))));
  }

  async function open(id) {
    const formProblems = alertRegion();
    try {
      const [partner, events] = await Promise.all([get(`/api/v1/partners/${id}`), all(`/api/v1/partners/${id}/events`)]);
      const actions = (TRANSITIONS[partner.status] ?? []).map((action) => [action[0].toUpperCase() + action.slice(1),
        async (reason) => {
          const changed = await post(`/api/v1/partners/${id}/${action}`, { reason: reason || undefined });
          status.textContent = `${partner.displayName} is now ${changed.status}`;
          await load();
          await open(id);
        }, action === 'reinstate' ? 'primary' : 'danger']);
      detail.replaceChildren(h('h2', { tabindex: '-1' }, `${partner.displayName} (${partner.status})`),
        facts([['Legal name', partner.legalName], ['Category', partner.category], ['Territories', partner.territories.join(', ')],
          ['Contact', partner.contactEmail], ['Website', outside(partner.website)], ['Client id', partner.clientId]]),
        actions.length ? reasonForm('Change the partner\'s standing', actions, formProblems, true) : null,
        table('Audit trail', ['When', 'Who', 'What', 'Why', 'Changes'], events.map((event) => h('tr', {},
          h('td', {}, when(event.occurredAt)), h('td', {}, event.actor), h('td', {}, event.action),
          h('td', {}, event.reason ?? ''),
          h('td', {}, Object.entries(event.changes ?? {}).map(([name, change]) =>
            `${name}: ${JSON.stringify(change.from ?? null)} → ${JSON.stringify(change.to ?? null)}`).join('; '))))));
      detail.querySelector('h2').focus();
    } catch (error) {
      showProblem(error, problems);
    }
  }

  await load();
}

export async function moderation(main) {
  const problems = alertRegion();
  const status = statusRegion();
  const detail = h('section', { class: 'detail' });
  const listing = h('div', {});
  screen(main, 'Content moderation', problems, status, listing, detail);

  async function load() {
    const waiting = await list('/api/v1/content', { status: 'SUBMITTED', sort: 'updatedAt' }, problems);
    listing.replaceChildren(table(`${waiting.length} items waiting for review`, ['Item', 'Kind', 'Territories', 'Submitted', ''],
      waiting.map((item) => h('tr', {},
        h('th', { scope: 'row' }, item.title), h('td', {}, item.kind), h('td', {}, item.territories.join(', ')),
        h('td', {}, when(item.updatedAt)),
        h('td', {}, h('button', { type: 'button', 'aria-label': `Review ${item.title}`, onclick: () => open(item.id) }, 'Review'))))));
  }

  async function open(id) {
    const formProblems = alertRegion();
    try {
      const [{ data: item, etag }, history] = await Promise.all([
        call('GET', `/api/v1/content/${id}`), get(`/api/v1/content/${id}/history`)]);
      const decided = (verb) => async (reason) => {
        // If-Match: the decision is about the version read here, not one the partner changed meanwhile
        await call('POST', `/api/v1/content/${id}/${verb}`, { ifMatch: etag, body: verb === 'reject' ? { reason } : undefined });
        status.textContent = `${item.title} ${verb === 'approve' ? 'approved' : 'rejected'}`;
        detail.replaceChildren();
        await load();
      };
      detail.replaceChildren(h('h2', { tabindex: '-1' }, `Review: ${item.title}`),
        facts([['Kind', item.kind], ['Synopsis', item.synopsis], ['Language', item.language],
          ['Categories', (item.categories ?? []).join(', ')],
          ['Duration', item.durationSeconds ? `${Math.round(item.durationSeconds / 60)} min` : ''],
          ['Planned', item.start ? `${item.start} – ${item.end}` : ''], ['Age rating', item.ageRating],
          ['Rights', `${item.availableFrom ?? '…'} – ${item.availableUntil ?? 'open'}`],
          ['Territories', item.territories.join(', ')], ['Media', outside(item.mediaUrl)],
          ['Thumbnail', outside(item.thumbnailUrl)], ['External id', item.externalId], ['Version', item.version]]),
        reasonForm('Decide the item', [['Approve', decided('approve'), 'primary'], ['Reject', decided('reject'), 'danger']],
          formProblems, true),
        table('History', ['When', 'Who', 'What', 'From', 'To', 'Why'], history.map((entry) => h('tr', {},
          h('td', {}, when(entry.occurredAt)), h('td', {}, entry.actor), h('td', {}, entry.action),
          h('td', {}, entry.fromStatus ?? ''), h('td', {}, entry.toStatus ?? ''), h('td', {}, entry.reason ?? '')))));
      detail.querySelector('h2').focus();
    } catch (error) {
      showProblem(error, problems);
    }
  }

  await load();
}
