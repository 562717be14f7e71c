import { loadConfig, type LocaleChoice, type RoleChoice, type SandboxConfig } from './config.ts';
import { iconSvg, productIcons } from './icons.ts';
import { renderRoutePage } from './pages.ts';
import { findStaff, toZafCurrentUser, type SandboxUser } from './support-api.ts';
import { TrafficLog } from './traffic-log.ts';
import { ZafHost } from './zaf-host.ts';

function element<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`host page has no #${id}`);
  return found as T;
}

const pane = element<HTMLElement>('pane');
const welcomePage = element<HTMLElement>('welcome-page');
const routePage = element<HTMLElement>('route-page');
const productPage = element<HTMLElement>('product-page');
const appIcon = element<HTMLButtonElement>('app-icon');
const roleSwitch = element<HTMLSelectElement>('role-switch');
const localeSwitch = element<HTMLSelectElement>('locale-switch');
const switches = element<HTMLFormElement>('switches');
const traffic = new TrafficLog(element<HTMLOListElement>('traffic-log'), element('traffic-count'));

const ROLE_LABELS: Record<RoleChoice, string> = { admin: 'Admin', agent: 'Agent', custom: 'Agent (custom role)' };

interface AppFrame {
  iframe: HTMLIFrameElement;
  host: ZafHost;
}

let config: SandboxConfig;
let staff: Partial<Record<RoleChoice, SandboxUser>> = {};
let appFrame: AppFrame | undefined;

function actingUser(): SandboxUser {
  const user = staff[roleSwitch.value as RoleChoice] ?? staff.admin;
  if (!user) throw new Error('the simulator has no admin to act as');
  return user;
}

/** Shows one thing in the main pane, as Zendesk's workspace does: a product page, a route page, or the app. */
function show(what: 'welcome' | 'route' | 'product' | 'app', currentNav?: HTMLElement): void {
  welcomePage.hidden = what !== 'welcome';
  routePage.hidden = what !== 'route';
  productPage.hidden = what !== 'product';
  if (appFrame) appFrame.iframe.hidden = what !== 'app';
  for (const button of document.querySelectorAll('.nav-button')) button.removeAttribute('aria-current');
  currentNav?.setAttribute('aria-current', 'page');
}

function openApp(): void {
  if (!appFrame) appFrame = createAppFrame();
  else appFrame.host.emit('pane.activated');
  show('app', appIcon);
}

function createAppFrame(): AppFrame {
  const iframe = document.createElement('iframe');
  iframe.title = config.appName;
  const appUrl = new URL(config.appUrl);
  // The SDK only accepts messages whose event.origin equals `origin` exactly: no trailing slash.
  appUrl.searchParams.set('origin', window.location.origin);
  appUrl.searchParams.set('app_guid', config.appGuid);
  iframe.src = appUrl.toString();
  pane.append(iframe);
  const host = new ZafHost(iframe, appUrl.origin, {
    state: () => {
      const user = actingUser();
      return {
        appGuid: config.appGuid,
        actingEmail: user.email,
        metadata: {
          appId: 1,
          installationId: 1,
          name: config.appName,
          version: config.appVersion,
          settings: { title: config.appName, ...config.settings },
        },
        context: {
          instanceGuid: config.appGuid,
          product: 'support',
          account: { subdomain: config.subdomain },
          location: 'nav_bar',
        },
        currentUser: toZafCurrentUser(user, localeSwitch.value as LocaleChoice),
        currentAccount: { subdomain: config.subdomain, planName: 'Professional' },
      };
    },
    routeTo: (args) => {
      if (args[0] === 'nav_bar') return openApp();
      show('route');
      void renderRoutePage(routePage, args, actingUser().email).then(() => routePage.append(backButton()));
    },
    notify: (message) => toast(message),
    log: (direction, key, payload) => traffic.add(direction, key, payload),
  });
  return { iframe, host };
}

/** A new agent or language means a new session: Zendesk reloads the app, so do we. */
function reloadApp(): void {
  const wasOpen = appFrame !== undefined && !appFrame.iframe.hidden;
  appFrame?.host.dispose();
  appFrame?.iframe.remove();
  appFrame = undefined;
  if (wasOpen) openApp();
}

function backButton(): HTMLButtonElement {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'back';
  button.textContent = `Back to ${config.appName}`;
  button.addEventListener('click', openApp);
  return button;
}

function toast(message: string): void {
  const note = document.createElement('div');
  note.className = 'toast';
  note.textContent = message;
  element('toasts').append(note);
  setTimeout(() => note.remove(), 5000);
}

function buildProductNav(): void {
  const list = element<HTMLUListElement>('product-nav');
  for (const icon of productIcons) {
    const item = document.createElement('li');
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'nav-button';
    button.setAttribute('aria-label', icon.label);
    button.title = icon.label;
    button.innerHTML = iconSvg(icon.path);
    button.addEventListener('click', () => {
      productPage.replaceChildren();
      const heading = document.createElement('h1');
      heading.textContent = icon.label;
      const text = document.createElement('p');
      text.textContent = `${icon.label} is part of Zendesk, not of this sandbox. Open Proactive Campaigns from the left bar.`;
      productPage.append(heading, text);
      show('product', button);
    });
    item.append(button);
    list.append(item);
  }
}

async function applyFaults(): Promise<void> {
  const on = (name: string) => (switches.elements.namedItem(name) as HTMLInputElement | null)?.checked === true;
  const faults: Record<string, unknown> = {};
  if (on('burst429')) faults.burst429 = { every: 20, length: 5, retryAfterSeconds: 2 };
  if (on('server5xx')) faults.serverErrorRate = 1;
  if (on('drops')) faults.dropRate = 0.1;
  if (on('slowJobs')) faults.slowJobFactor = 5;
  if (on('jobFailures')) faults.jobItemFailureRate = 0.1;
  if (on('otherJobs')) faults.otherJobsInFlight = 28;
  const names = [...switches.querySelectorAll<HTMLInputElement>('fieldset input:checked')].map(
    (input) => input.parentElement?.textContent?.trim() ?? input.name,
  );
  element('faults-summary').textContent = names.length === 0 ? 'none' : names.join(', ');
  element('faults-menu').dataset.active = String(names.length > 0);
  const response = await fetch('/__sandbox/faults', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(faults),
  });
  traffic.add('out', 'sandbox faults', response.ok ? faults : `HTTP ${response.status}`);
}

async function start(): Promise<void> {
  config = await loadConfig();
  element('account-name').textContent = `${config.subdomain}.zendesk.com`;
  staff = await findStaff();
  for (const role of ['admin', 'agent', 'custom'] as const) {
    const user = staff[role];
    if (!user) continue;
    roleSwitch.append(new Option(`${ROLE_LABELS[role]}: ${user.name}`, role));
  }
  buildProductNav();
  appIcon.addEventListener('click', openApp);
  roleSwitch.addEventListener('change', reloadApp);
  localeSwitch.addEventListener('change', reloadApp);
  for (const input of switches.querySelectorAll('fieldset input')) {
    input.addEventListener('change', () => void applyFaults());
  }
  document.body.dataset.ready = 'true';
}

start().catch((error: unknown) => {
  welcomePage.replaceChildren();
  const heading = document.createElement('h1');
  heading.textContent = 'The sandbox could not start';
  const text = document.createElement('p');
  text.textContent = String(error);
  welcomePage.append(heading, text);
  show('welcome');
});
