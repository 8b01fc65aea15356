// The console's shell: signs the user in, shows what their roles allow, and routes by the address's
// hash (#/channels, #/channel/<id>/<date>/<day|week>, #/applications, #/partners, #/moderation).
import { finishSignIn, loadSettings, signIn, signOut, user } from './auth.js';
import { channelList } from './channels.js';
import { channelSchedule } from './schedule.js';
import { applications, moderation, partners } from './admin.js';
import { h, screen } from './ui.js';

const OPERATOR = 'channel-operator';
const ADMIN = 'platform-admin';

/** Each screen: the path it answers, the roles that may see it, and what it shows. */
const SCREENS = [
  { path: /^\/channels$/, label: 'Channels', href: '#/channels', roles: [OPERATOR, ADMIN], show: channelList },
  { path: /^\/channel\/([^/]+)(?:\/([\d-]+))?(?:\/(day|week))?$/, roles: [OPERATOR, ADMIN], show: channelSchedule },
  { path: /^\/applications$/, label: 'Applications', href: '#/applications', roles: [ADMIN], show: applications },
  { path: /^\/partners$/, label: 'Partners', href: '#/partners', roles: [ADMIN], show: partners },
  { path: /^\/moderation$/, label: 'Moderation', href: '#/moderation', roles: [ADMIN], show: moderation },
];

const ROLES = ['platform-admin', 'channel-operator', 'partner'];
const main = document.getElementById('main');

function allowed(screenOf, who) {
  return screenOf.roles.some((role) => who.roles.includes(role));
}

function forbidden(who) {
  screen(main, 'Not for this account',
    h('p', { class: 'forbidden', dataset: { status: '403' } },
      `You are signed in as ${who.name}, whose roles (${who.roles.filter((r) => ROLES.includes(r)).join(', ') || 'none'}) `
      + 'give no access to this screen. The console is for channel operators and platform admins; partners use the API.'),
    h('p', {}, h('button', { type: 'button', onclick: signOut }, 'Sign out')));
}

function shell(who) {
  const nav = document.getElementById('nav');
  nav.replaceChildren(h('ul', {}, SCREENS.filter((s) => s.label && allowed(s, who))
    .map((s) => h('li', {}, h('a', { href: s.href }, s.label)))));
  document.getElementById('who').replaceChildren(
    h('span', {}, `Signed in as ${who.name}`), ' ',
    h('button', { type: 'button', onclick: signOut }, 'Sign out'));
}

function markCurrent() {
  document.querySelectorAll('#nav a').forEach((link) => {
    if (location.hash.startsWith(link.getAttribute('href'))) {
      link.setAttribute('aria-current', 'page');
    } else {
      link.removeAttribute('aria-current');
    }
  });
}

async function route(who) {
  const path = location.hash.replace(/^#/, '') || '/';
  const home = SCREENS.find((s) => s.label && allowed(s, who));
  if (path === '/') {
    if (home) {
      location.replace(home.href);
    } else {
      forbidden(who);
    }
    return;
  }
  const target = SCREENS.find((s) => s.path.test(path));
  markCurrent();
  if (!target) {
    screen(main, 'Not found', h('p', {}, 'The console has no such screen.'));
  } else if (!allowed(target, who)) {
    forbidden(who);
  } else {
    // each visit draws into a container of its own: a screen still loading when the user moves on draws
    // into one no longer on the page, never over the next screen
    const view = h('div', { class: 'screen' });
    main.replaceChildren(view);
    await target.show(view, ...path.match(target.path).slice(1), who);
  }
}

function signInScreen() {
  screen(main, 'Syndication console',
    h('p', {}, 'Channel schedules, partner applications and content moderation for the platform\'s operators and admins.'),
    h('p', {}, h('button', { type: 'button', class: 'primary', onclick: signIn }, 'Sign in')));
}

async function start() {
  document.getElementById('skip').addEventListener('click', (event) => {
    event.preventDefault();
    main.focus();
  });
  try {
    await loadSettings();
    await finishSignIn();
  } catch (error) {
    screen(main, 'Could not sign in', h('p', { role: 'alert' }, error.message),
      h('p', {}, h('button', { type: 'button', onclick: signIn }, 'Sign in again')));
    return;
  }
  const who = user();
  if (!who) {
    signInScreen();
    return;
  }
  shell(who);
  window.addEventListener('hashchange', () => route(who));
  await route(who);
}

start();
