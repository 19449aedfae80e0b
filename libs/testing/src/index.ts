export * from './clip.generator';
export * from './free-port';
export * from './coturn';
