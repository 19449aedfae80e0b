/**
 * Settings of content addressing read from the environment. They are not (yet) part of the validated
 * AppConfig: `addressingOptionsFromEnv` checks them the same way (a bad value stops the process with
 * a message naming the variable).
 *
 *   KUBO_API_URL          optional; http(s) URL of a Kubo RPC API (e.g. http://127.0.0.1:5001). When
 *                         set, every add is also added and pinned there and its CID must equal ours.
 *   ORIGIN_SIGNING_KEY    optional; PEM (PKCS#8) ed25519 private key of the origin. When unset, a key
 *                         is generated once and kept in <DATA_DIR>/origin-key.pem. Set it whenever
 *                         processes that sign manifests do not share one DATA_DIR (transcoders on
 *                         other machines), or their manifests will not verify with the published key.
 */
export interface AddressingOptions {
  kuboApiUrl?: string;
  originSigningKeyPem?: string;
}

/** Nest injection token of the AddressingOptions. */
export const ADDRESSING_OPTIONS = Symbol('ADDRESSING_OPTIONS');

export class AddressingConfigError extends Error {}

export function addressingOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): AddressingOptions {
  const options: AddressingOptions = {};
  const kubo = env.KUBO_API_URL?.trim();
  if (kubo) {
    let url: URL;
    try {
      url = new URL(kubo);
    } catch {
      throw new AddressingConfigError(`Invalid configuration:\n  KUBO_API_URL: must be an http(s) URL such as http://127.0.0.1:5001`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new AddressingConfigError(`Invalid configuration:\n  KUBO_API_URL: must be an http(s) URL such as http://127.0.0.1:5001`);
    }
    options.kuboApiUrl = kubo.replace(/\/$/, '');
  }
  const pem = env.ORIGIN_SIGNING_KEY?.trim();
  // Env files often carry a PEM on one line with literal "\n".
  if (pem) options.originSigningKeyPem = pem.includes('\\n') ? pem.replace(/\\n/g, '\n') : pem;
  return options;
}

/** Nest provider of the AddressingOptions (read from process.env when the module starts). */
export const addressingOptionsProvider = {
  provide: ADDRESSING_OPTIONS,
  useFactory: (): AddressingOptions => addressingOptionsFromEnv(),
};
