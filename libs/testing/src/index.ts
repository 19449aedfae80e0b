export * from './clip.generator';
export * from './free-port';
export * from './coturn';
export * from './test-database';
export * from './test-service';
export * from './audio.generator';
