// Light or dark, as the URL (`?theme=`) or the host page says; anything else follows the system.
export function applyTheme(theme: string | null): void {
  if (theme === 'light' || theme === 'dark') document.documentElement.dataset.theme = theme;
  else delete document.documentElement.dataset.theme;
}
