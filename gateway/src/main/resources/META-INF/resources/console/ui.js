// Small DOM helpers shared by the screens: elements built from data (text is always set as text, never
// parsed as HTML, so nothing a partner wrote can run in the page), and problems shown field by field.
import { Problem } from './api.js';

/** An element: h('button', { class: 'x', onclick }, 'Label', child...). */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  Object.entries(attributes).forEach(([name, value]) => {
    if (value === undefined || value === null || value === false) {
      return;
    }
    if (name.startsWith('on')) {
      element.addEventListener(name.slice(2), value);
    } else if (name === 'style') {
      // through the CSSOM: the page's Content-Security-Policy refuses style attributes
      element.style.cssText = value;
    } else if (name === 'dataset') {
      Object.assign(element.dataset, value);
    } else {
      element.setAttribute(name, value === true ? '' : value);
    }
  });
  children.flat(Infinity).forEach((child) => {
    if (child !== undefined && child !== null && child !== false) {
      element.append(child instanceof Node ? child : String(child));
    }
  });
  return element;
}

/** A labelled field: its label, its control, and room for the API's message about it. */
export function field(label, control, hint) {
  const id = control.id || `f-${control.name}-${Math.random().toString(36).slice(2, 8)}`;
  control.id = id;
  const message = h('span', { class: 'field-error', id: `${id}-error` });
  control.setAttribute('aria-describedby', `${id}-error`);
  return h('div', { class: 'field' }, h('label', { for: id }, label), control, hint ? h('span', { class: 'hint' }, hint) : null, message);
}

export function select(name, options, value) {
  return h('select', { name }, options.map(([optionValue, text]) =>
    h('option', { value: optionValue, selected: optionValue === value }, text)));
}

/** Clears the problems shown in the form and its alert region. */
export function clearProblems(form, region) {
  region.replaceChildren();
  form?.querySelectorAll('[aria-invalid]').forEach((control) => control.removeAttribute('aria-invalid'));
  form?.querySelectorAll('.field-error').forEach((message) => message.replaceChildren());
}

/**
 * Shows an error in the alert region: a problem's title, its detail and each offending field, and beside
 * each control the form has of that name its message too. Other errors show their message.
 */
export function showProblem(error, region, form) {
  clearProblems(form, region);
  if (!(error instanceof Problem)) {
    region.append(h('p', {}, error.message));
    return;
  }
  region.append(h('p', { class: 'problem-title' }, `${error.title} (${error.status})`));
  if (error.detail) {
    region.append(h('p', {}, error.detail));
  }
  if (error.violations.length) {
    region.append(h('ul', { class: 'violations' }, error.violations.map((violation) =>
      h('li', {}, h('code', {}, violation.field), `: ${violation.message}`))));
  }
  error.violations.forEach((violation) => {
    const name = violation.field.replace(/\[.*$/, '').split('.').pop();
    const control = form?.querySelector(`[name="${CSS.escape(name)}"]`);
    if (control) {
      control.setAttribute('aria-invalid', 'true');
      form.querySelector(`#${CSS.escape(control.id)}-error`)?.append(violation.message);
    }
  });
}

/** A region where a screen's problems are announced as they appear. */
export function alertRegion() {
  return h('div', { class: 'problem', role: 'alert' });
}

/** A polite status line for what a screen just did. */
export function statusRegion() {
  return h('p', { class: 'status', role: 'status' });
}

/**
 * Runs an action of a form: disables its buttons meanwhile, shows its problem if it fails, and says
 * what it did in the status line if it succeeds.
 */
export async function act(form, region, action) {
  const buttons = [...form.querySelectorAll('button')];
  buttons.forEach((button) => { button.disabled = true; });
  clearProblems(form, region);
  try {
    return await action();
  } catch (error) {
    showProblem(error, region, form);
    return undefined;
  } finally {
    buttons.forEach((button) => { button.disabled = false; });
  }
}

/** A form whose submission runs {@code action} as {@link act} does. */
export function actionForm(attributes, problems, action, ...children) {
  const form = h('form', {
    ...attributes,
    onsubmit: (event) => {
      event.preventDefault();
      act(form, problems, action);
    },
  }, ...children);
  return form;
}

export function table(caption, headings, rows) {
  return h('table', {},
    h('caption', {}, caption),
    h('thead', {}, h('tr', {}, headings.map((heading) => h('th', { scope: 'col' }, heading)))),
    h('tbody', {}, rows.length ? rows : h('tr', {}, h('td', { colspan: headings.length }, 'None'))));
}

export function when(instant) {
  return instant ? new Date(instant).toLocaleString('en-GB', { timeZone: 'UTC', timeZoneName: 'short' }) : '';
}

/** Sets the page's content and title and moves focus to its heading, so a screen reader hears the change. */
export function screen(main, title, ...content) {
  if (!main.isConnected) {
    return; // the user has left this screen while it loaded
  }
  document.title = `${title} · Syndication console`;
  const heading = h('h1', { tabindex: '-1' }, title);
  main.replaceChildren(heading, ...content.flat());
  heading.focus();
}
