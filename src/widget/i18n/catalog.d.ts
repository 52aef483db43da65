// Modules imported as `virtual:i18n-catalog/<locale>` (see src/build/i18n-catalogs.ts): the locale's
// messages, compiled at build time.
declare module 'virtual:i18n-catalog/*' {
  const messages: import('@lingui/core').Messages;
  export default messages;
}
