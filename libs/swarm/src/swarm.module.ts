import { type DynamicModule, type ModuleMetadata, Module, type Provider } from '@nestjs/common';
import { StorageModule } from '@wetube/platform';
import { NodeEd25519Verifier } from './receipts/node-ed25519';
import { TorrentBuilder } from './torrents/torrent-builder';
import { SWARM_TRACKER_OPTIONS, type TrackerOptions, TrackerService } from './tracker/tracker.service';

export interface SwarmModuleAsyncOptions {
  imports?: ModuleMetadata['imports'];
  inject?: Array<string | symbol | (abstract new (...args: never[]) => unknown)>;
  useFactory: (...args: never[]) => TrackerOptions | Promise<TrackerOptions>;
}

/**
 * Swarm foundations: TorrentBuilder, TrackerService, a shared NodeEd25519Verifier (KeyObject cache).
 * `forRoot`/`forRootAsync` supply the tracker's options (isKnownInfoHash, rate limit, paths).
 */
@Module({})
export class SwarmModule {
  static forRoot(options: TrackerOptions): DynamicModule {
    return this.build([], { provide: SWARM_TRACKER_OPTIONS, useValue: options });
  }

  static forRootAsync(options: SwarmModuleAsyncOptions): DynamicModule {
    return this.build(options.imports ?? [], {
      provide: SWARM_TRACKER_OPTIONS,
      inject: options.inject ?? [],
      useFactory: options.useFactory as (...args: unknown[]) => TrackerOptions | Promise<TrackerOptions>,
    });
  }

  private static build(imports: NonNullable<ModuleMetadata['imports']>, optionsProvider: Provider): DynamicModule {
    const verifier: Provider = { provide: NodeEd25519Verifier, useValue: new NodeEd25519Verifier() };
    return {
      module: SwarmModule,
      imports: [StorageModule, ...imports],
      providers: [optionsProvider, TorrentBuilder, TrackerService, verifier],
      exports: [TorrentBuilder, TrackerService, NodeEd25519Verifier],
    };
  }
}
