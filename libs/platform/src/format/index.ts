// Formatting for people, shared by the server and the web app (web's tsconfig maps `@wetube/format`
// here). Pure TypeScript only: nothing from Node, Nest or the DOM may be imported in this folder.
export { formatBytes, type BytesFormat } from './bytes';
export { CLC_DECIMALS, CURRENCY, MINOR_PER_CLC, formatClc, toMinor, type FormatOptions } from './clc';
export { formatCount, formatCountOf } from './count';
