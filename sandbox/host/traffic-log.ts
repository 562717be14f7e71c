const LIMIT = 300;

/** The collapsible "ZAF traffic" panel: every message between the app and this host, newest last. */
export class TrafficLog {
  private count = 0;

  constructor(
    private readonly list: HTMLOListElement,
    private readonly counter: HTMLElement,
  ) {}

  add(direction: 'in' | 'out', key: string, payload: unknown): void {
    this.count++;
    const item = document.createElement('li');
    item.className = direction;
    const arrow = direction === 'in' ? 'app → host' : 'host → app';
    item.textContent = `${new Date().toISOString().slice(11, 23)}  ${arrow}  ${key}  ${summarise(payload)}`;
    this.list.append(item);
    while (this.list.children.length > LIMIT) this.list.firstElementChild?.remove();
    this.counter.textContent = `(${this.count})`;
  }
}

function summarise(payload: unknown): string {
  if (payload === undefined) return '';
  const text = JSON.stringify(payload) ?? '';
  return text.length > 240 ? `${text.slice(0, 240)}…` : text;
}
