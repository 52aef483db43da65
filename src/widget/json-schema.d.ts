// Modules imported with `?json-schema` (see src/build/json-schema-snapshot.ts): exported schemas by name.
declare module '*?json-schema' {
  const schemas: Record<string, import('@cfworker/json-schema').Schema>;
  export default schemas;
}
