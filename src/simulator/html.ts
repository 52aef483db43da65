// Text placed in the simulator's HTML pages (history pages, the stand-in WWE desktop).
const ENTITIES: Record<string, string> = {
  '<': '&lt;',
  '>': '&gt;',
  '&': '&amp;',
  "'": '&#39;',
  '"': '&quot;',
};

export const escapeHtml = (text: string) => text.replace(/[<>&'"]/g, (c) => ENTITIES[c] ?? c);

/** JSON inside a `<script type="application/json">`: nothing in it can close the element or start markup. */
export const jsonForScript = (value: unknown) =>
  JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
