export { ContentModule } from './content.module';
// Files live in @wetube/platform (every lib reaches it); re-exported for content's users.
export { StorageModule, StorageRepository } from '@wetube/platform';
export {
  ADDRESSING_OPTIONS,
  AddressingConfigError,
  addressingOptionsFromEnv,
  addressingOptionsProvider,
} from './addressing/addressing.options';
export type { AddressingOptions } from './addressing/addressing.options';
export { IpfsRepository, IpfsCidMismatchError, InvalidCidError, KUBO_CHUNK_SIZE, KUBO_MAX_LINKS } from './addressing/ipfs.repository';
export type { IpfsAddFileOptions } from './addressing/ipfs.repository';
export { OriginKeyRepository } from './addressing/origin-key.repository';
export { buildManifest, canonicalJson, canonicalManifestBytes, ManifestError, signManifest, verifyManifest } from './addressing/manifest';
export type { Manifest, ManifestFile, ManifestSignature, ManifestSigningKey, SignedManifest } from './addressing/manifest';
export { ContentAddresser, MANIFEST_FILE } from './addressing/content-addresser.service';
export { WellKnownController, WELL_KNOWN_ORIGIN_PATH } from './addressing/well-known.controller';
export type { OriginKeyDocument } from './addressing/well-known.controller';
