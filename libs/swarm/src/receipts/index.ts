/**
 * Browser-safe receipts API (no Node-only imports): the web bundle imports this file.
 * The Node implementation (`node-ed25519`) is exported from the lib's root index only.
 */
export * from './bytes';
export * from './ed25519';
export * from './receipt';
export * from './session-cert';
export * from './receipt-message';
export * from './receipt-book';
export * from './receipt-issuer';
export * from './webcrypto-ed25519';
export * from './receipt-extension';
export * from './seeder-registration';
export * from './receipt-redemption';
