/** Zendesk-like nav icons (simple line drawings, 24×24 viewBox). */
export const productIcons: ReadonlyArray<{ id: string; label: string; path: string }> = [
  { id: 'home', label: 'Home', path: 'M3 11l9-8 9 8v10h-6v-6H9v6H3z' },
  { id: 'views', label: 'Views', path: 'M4 5h16v3H4zM4 10.5h16v3H4zM4 16h16v3H4z' },
  { id: 'customers', label: 'Customers', path: 'M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM4 21c0-4 4-6 8-6s8 2 8 6z' },
  { id: 'reporting', label: 'Reporting', path: 'M4 20V10h3v10zM10.5 20V4h3v16zM17 20v-7h3v7z' },
  {
    id: 'admin',
    label: 'Admin',
    path: 'M12 8.5a3.5 3.5 0 1 0 0 7 3.5 3.5 0 0 0 0-7zM10.5 2h3l.5 3 2 1 2.5-1.8 2.1 2.1L18.8 9l1 2 3 .5v3l-3 .5-1 2 1.8 2.5-2.1 2.1-2.5-1.8-2 1-.5 3h-3l-.5-3-2-1-2.5 1.8-2.1-2.1L5.2 17l-1-2-3-.5v-3l3-.5 1-2-1.8-2.5 2.1-2.1L8 6l2-1z',
  },
];

export function iconSvg(path: string): string {
  return `<svg width="22" height="22" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="${path}" fill="currentColor" fill-rule="evenodd"/></svg>`;
}
